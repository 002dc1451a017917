using System.Text;
using HardNegRules.Training.Weights;

namespace HardNegRules.Training.Tests.Weights;

public sealed class SafetensorsWriterTests
{
    [Test]
    public void Writes_the_documented_layout_byte_for_byte()
    {
        using var stream = new MemoryStream();

        SafetensorsWriter.Write(stream, [SafetensorsTensorSource.FromArray("w", [2], [1f, -2f])],
            new Dictionary<string, string> { ["format"] = "pt" });

        // 85 bytes of JSON, padded with spaces to 88 so that the data section starts 8-byte aligned.
        const string json = """{"__metadata__":{"format":"pt"},"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""";
        byte[] expected = RawSafetensors.Compose(json.PadRight(88), RawSafetensors.Singles(1f, -2f));
        Assert.That(Encoding.UTF8.GetByteCount(json), Is.EqualTo(85));
        Assert.That(stream.ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public void Round_trips_through_the_reader()
    {
        float[] matrix = [.. Enumerable.Range(0, 12).Select(i => i * 0.5f - 3f)];
        using var stream = new MemoryStream();
        SafetensorsWriter.Write(stream,
        [
            SafetensorsTensorSource.FromArray("matrix", [3, 4], matrix),
            SafetensorsTensorSource.FromArray("scalar", [], [2.6592f]),
            SafetensorsTensorSource.FromArray("empty", [0, 5], []),
        ]);
        using var scratch = new TempDirectory();
        string path = scratch.Write("r.safetensors", stream.ToArray());

        using SafetensorsReader reader = SafetensorsReader.Open(path);

        Assert.Multiple(() =>
        {
            Assert.That(reader.ReadFloat32("matrix"), Is.EqualTo(matrix));
            Assert.That(reader.Tensors["matrix"].Shape, Is.EqualTo(new long[] { 3, 4 }));
            Assert.That(reader.ReadFloat32("scalar"), Is.EqualTo(new[] { 2.6592f }));
            Assert.That(reader.ReadFloat32("empty"), Is.Empty);
            Assert.That(reader.Metadata, Is.Empty);
        });
    }

    [Test]
    public void Data_that_does_not_match_its_shape_is_refused()
    {
        using var stream = new MemoryStream();

        Assert.That(() => SafetensorsWriter.Write(stream, [SafetensorsTensorSource.FromArray("w", [2, 2], [1f])]),
            Throws.ArgumentException.With.Message.Contains("'w'").And.Message.Contains("[2, 2]").And.Message.Contains("provided 1"));
    }

    [Test]
    public void Duplicate_names_are_refused()
    {
        using var stream = new MemoryStream();

        Assert.That(() => SafetensorsWriter.Write(stream,
            [SafetensorsTensorSource.FromArray("w", [1], [1f]), SafetensorsTensorSource.FromArray("w", [1], [2f])]),
            Throws.ArgumentException.With.Message.Contains("'w'"));
    }
}
