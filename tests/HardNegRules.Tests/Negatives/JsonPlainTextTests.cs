using CsCheck;
using HardNegRules.Negatives;

namespace HardNegRules.Tests.Negatives;

/// <summary>The vectorized plain-text check finds exactly the first byte a byte-by-byte check finds, at any position.</summary>
public class JsonPlainTextTests
{
    [Test]
    public void Finds_the_first_byte_JSON_would_not_write_as_it_is()
    {
        Gen<byte> bytes = Gen.Frequency((20, Gen.Byte[(byte)' ', (byte)'~']), (1, Gen.Byte), (1, Gen.OneOf(Gen.Const((byte)'"'), Gen.Const((byte)'\\'), Gen.Const((byte)0x7F), Gen.Const((byte)0x1F))));
        bytes.Array[0, 100].SampleFixed(data =>
        {
            int expected = Array.FindIndex(data, b => b < ' ' || b > '~' || b == '"' || b == '\\');
            Assert.That(JsonPlainText.PlainLength(data), Is.EqualTo(expected < 0 ? data.Length : expected));
            Assert.That(JsonPlainText.IsPlain(data), Is.EqualTo(expected < 0));
        }, iter: 5_000, seed: "0000000001Ai");
    }

    [Test]
    public void Finds_a_single_special_byte_at_every_position_of_every_length_up_to_three_vectors()
    {
        // Every tail the vector loop leaves, including the one its overlapping last vector covers.
        foreach (byte special in new[] { (byte)'"', (byte)'\\', (byte)'\n', (byte)0xC3 })
        {
            for (int length = 0; length <= 100; length++)
            {
                byte[] data = [.. Enumerable.Range(0, length).Select(i => (byte)('a' + (i % 26)))];
                Assert.That(JsonPlainText.PlainLength(data), Is.EqualTo(length), $"plain, length {length}");
                for (int at = 0; at < length; at++)
                {
                    data[at] = special;
                    Assert.That(JsonPlainText.PlainLength(data), Is.EqualTo(at), $"byte {special} at {at} of {length}");
                    data[at] = (byte)'a';
                }
            }
        }
    }
}
