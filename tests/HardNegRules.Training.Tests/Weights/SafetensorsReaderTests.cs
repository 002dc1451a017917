using HardNegRules.Training.Weights;

namespace HardNegRules.Training.Tests.Weights;

public sealed class SafetensorsReaderTests
{
    [Test]
    public void Reads_F32_tensors_shapes_and_metadata()
    {
        using var scratch = new TempDirectory();
        byte[] data = [.. RawSafetensors.Singles(1.5f, -2f, 3.25f, 0f, 7f, -0.5f), .. RawSafetensors.Singles(42f)];
        string path = scratch.Write("a.safetensors", RawSafetensors.Compose(
            """{"__metadata__":{"format":"pt"},"m":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},"s":{"dtype":"F32","shape":[],"data_offsets":[24,28]}}""",
            data));

        using SafetensorsReader reader = SafetensorsReader.Open(path);

        Assert.Multiple(() =>
        {
            Assert.That(reader.Metadata, Is.EqualTo(new Dictionary<string, string> { ["format"] = "pt" }));
            Assert.That(reader.Tensors["m"].Shape, Is.EqualTo(new long[] { 2, 3 }));
            Assert.That(reader.ReadFloat32("m"), Is.EqualTo(new[] { 1.5f, -2f, 3.25f, 0f, 7f, -0.5f }));
            Assert.That(reader.Tensors["s"].Shape, Is.Empty);
            Assert.That(reader.ReadFloat32("s"), Is.EqualTo(new[] { 42f }));
        });
    }

    [Test]
    public void Decodes_F16_exactly_including_subnormals_and_infinity()
    {
        using var scratch = new TempDirectory();
        // 1, -2, largest half, smallest subnormal (2^-24), +inf, 1/3 rounded to half (0x3555 = 1365/4096).
        byte[] data = RawSafetensors.UInt16s(0x3C00, 0xC000, 0x7BFF, 0x0001, 0x7C00, 0x3555);
        string path = scratch.Write("h.safetensors", RawSafetensors.Compose(
            """{"h":{"dtype":"F16","shape":[6],"data_offsets":[0,12]}}""", data));

        using SafetensorsReader reader = SafetensorsReader.Open(path);

        Assert.That(reader.ReadFloat32("h"),
            Is.EqualTo(new[] { 1f, -2f, 65504f, MathF.Pow(2, -24), float.PositiveInfinity, 1365f / 4096f }));
    }

    [Test]
    public void Decodes_BF16_exactly()
    {
        using var scratch = new TempDirectory();
        // 1, -2, 3.140625 (pi truncated to 8 significant bits), -inf, the largest finite bfloat16.
        byte[] data = RawSafetensors.UInt16s(0x3F80, 0xC000, 0x4049, 0xFF80, 0x7F7F);
        string path = scratch.Write("b.safetensors", RawSafetensors.Compose(
            """{"b":{"dtype":"BF16","shape":[5],"data_offsets":[0,10]}}""", data));

        using SafetensorsReader reader = SafetensorsReader.Open(path);

        Assert.That(reader.ReadFloat32("b"),
            Is.EqualTo(new[] { 1f, -2f, 3.140625f, float.NegativeInfinity, BitConverter.Int32BitsToSingle(0x7F7F0000) }));
    }

    [Test]
    public void Opens_files_with_integer_tensors_but_reads_only_floats()
    {
        using var scratch = new TempDirectory();
        string path = scratch.Write("i.safetensors", RawSafetensors.Compose(
            """{"ids":{"dtype":"I64","shape":[1,2],"data_offsets":[0,16]}}""", new byte[16]));

        using SafetensorsReader reader = SafetensorsReader.Open(path);

        Assert.That(reader.Tensors["ids"].DType, Is.EqualTo(SafetensorsDType.I64));
        Assert.That(() => reader.ReadFloat32("ids"),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("'ids'").And.Message.Contains("I64"));
    }

    [Test]
    public void A_truncated_data_section_is_reported_with_the_tensor()
    {
        using var scratch = new TempDirectory();
        byte[] whole = RawSafetensors.Compose(
            """{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}""", RawSafetensors.Singles(1, 2, 3, 4));
        string path = scratch.Write("t.safetensors", whole[..^5]);

        Assert.That(() => SafetensorsReader.Open(path), Throws.InstanceOf<InvalidDataException>()
            .With.Message.Contains("'w'").And.Message.Contains("truncated").And.Message.Contains("11 bytes"));
    }

    [Test]
    public void A_file_cut_inside_the_header_is_reported()
    {
        using var scratch = new TempDirectory();
        byte[] whole = RawSafetensors.Compose(
            """{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", RawSafetensors.Singles(1));

        string cutHeader = scratch.Write("h.safetensors", whole[..20]);
        string cutLength = scratch.Write("l.safetensors", whole[..5]);

        Assert.Multiple(() =>
        {
            Assert.That(() => SafetensorsReader.Open(cutHeader),
                Throws.InstanceOf<InvalidDataException>().With.Message.Contains("truncated"));
            Assert.That(() => SafetensorsReader.Open(cutLength),
                Throws.InstanceOf<InvalidDataException>().With.Message.Contains("fewer than the 8-byte header length"));
        });
    }

    [TestCase("""{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", "needs 12 bytes")]
    [TestCase("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}}""", "'w'")]
    [TestCase("""{"w":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}""", "not a non-negative integer")]
    [TestCase("""{"w":{"dtype":"F8_E4M3","shape":[8],"data_offsets":[0,8]}}""", "unsupported dtype 'F8_E4M3'")]
    [TestCase("""{"w":{"dtype":"F32","shape":[2]}}""", "data_offsets")]
    [TestCase("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""",
        "overlap")]
    [TestCase("""[1, 2]""", "not a JSON object")]
    [TestCase("""{"w": """, "not valid JSON")]
    public void Malformed_headers_are_rejected_with_the_reason(string header, string reason)
    {
        using var scratch = new TempDirectory();
        string path = scratch.Write("m.safetensors", RawSafetensors.Compose(header, new byte[8]));

        Assert.That(() => SafetensorsReader.Open(path),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains(reason));
    }

    [Test]
    public void An_absurd_header_length_is_rejected_before_allocating()
    {
        using var scratch = new TempDirectory();
        byte[] bytes = new byte[16];
        bytes[7] = 0x7F;   // little-endian length with the top byte set: petabytes

        string path = scratch.Write("x.safetensors", bytes);

        Assert.That(() => SafetensorsReader.Open(path),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("header length"));
    }
}
