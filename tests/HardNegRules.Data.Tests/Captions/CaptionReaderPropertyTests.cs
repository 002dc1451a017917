using System.Text;
using CsCheck;
using HardNegRules.Data.Captions;
using HardNegRules.Data.Tests.Loaders;

namespace HardNegRules.Data.Tests.Captions;

/// <summary>
/// Any bytes given to the caption readers end in records of valid text, located record errors, or one located
/// <see cref="IOException"/> for the file: never another exception, never a hang, never a replacement character.
/// </summary>
public class CaptionReaderPropertyTests : LoaderTestFiles
{
    private static readonly Gen<byte[]> RandomBytes = Gen.Byte.Array[0, 3000];

    // Text that is valid UTF-8, mixed with the characters that matter to the readers.
    private static readonly Gen<byte[]> RandomUtf8 = Gen.OneOf(
            Gen.String[0, 200],
            Gen.OneOf(Gen.Const("{"), Gen.Const("}"), Gen.Const("["), Gen.Const("]"), Gen.Const("\""), Gen.Const("\\"), Gen.Const(","),
                Gen.Const(":"), Gen.Const("\n"), Gen.Const("\r"), Gen.Const("\"caption\""), Gen.Const("\"annotations\""), Gen.Const("\"images\""),
                Gen.Const("\"id\""), Gen.Const("\"file_name\""), Gen.Const("a red car"), Gen.Const("7"), Gen.Const("\\ud800"), Gen.Const("é"), Gen.Const("\t"),
                Gen.Const("null"), Gen.Const("true"))
                .Array[0, 60].Select(parts => string.Concat(parts)))
        .Select(text => new UTF8Encoding(false).GetBytes(text));

    // Valid COCO and JSONL files with random captions, ids and images, then cut or corrupted at a random place.
    private static readonly Gen<byte[]> DamagedCoco =
        Gen.Select(Gen.String[0, 40].Array[1, 20], Gen.Int[0, 100], Gen.Byte, (captions, cut, noise) =>
        {
            string json = "{\"images\": [{\"id\": 1, \"file_name\": \"1.jpg\"}], \"annotations\": [" +
                string.Join(", ", captions.Select((c, i) => $"{{\"id\": {i}, \"image_id\": 1, \"caption\": {System.Text.Json.JsonSerializer.Serialize(c)}}}")) + "]}";
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            int at = bytes.Length * cut / 100;
            if (cut % 3 == 0 && at < bytes.Length)
            {
                bytes[at] = noise;
                return bytes;
            }

            return bytes[..at];
        });

    private void Holds(byte[] bytes, string name, CaptionFormat format)
    {
        string path = Path.Combine(Dir, name);
        File.WriteAllBytes(path, bytes);
        var errors = new List<CaptionReadError>();
        try
        {
            foreach (CaptionRecord record in CaptionFileReader.Read(path, errors.Add, format))
            {
                Assert.That(record.Caption, Does.Not.Contain("\uFFFD").Or.Matches<string>(_ => Encoding.UTF8.GetString(bytes).Contains('\uFFFD', StringComparison.Ordinal)));
                Assert.That(record.Caption, Is.EqualTo(record.Caption.Trim()));
            }
        }
        catch (IOException e)
        {
            Assert.That(e.Message, Does.StartWith(path), "a file error names the file");
        }

        Assert.That(errors, Has.All.Matches<CaptionReadError>(e => e.Path == path && e.Line > 0 && e.Message.Length > 0));
    }

    [TestCase(CaptionFormat.Text)]
    [TestCase(CaptionFormat.Jsonl)]
    [TestCase(CaptionFormat.Coco)]
    public void Random_bytes_give_records_or_located_errors(CaptionFormat format) =>
        RandomBytes.SampleFixed(bytes => Holds(bytes, "r.bin", format), iter: 300, seed: "0000000001Ai");

    [TestCase(CaptionFormat.Text)]
    [TestCase(CaptionFormat.Jsonl)]
    [TestCase(CaptionFormat.Coco)]
    public void Random_utf8_gives_records_or_located_errors(CaptionFormat format) =>
        RandomUtf8.SampleFixed(bytes => Holds(bytes, "u.txt", format), iter: 300, seed: "0000000002Bj");

    [Test]
    public void Damaged_coco_files_give_records_or_located_errors() =>
        DamagedCoco.SampleFixed(bytes => Holds(bytes, "d.json", CaptionFormat.Coco), iter: 300, seed: "0000000003Ck");
}
