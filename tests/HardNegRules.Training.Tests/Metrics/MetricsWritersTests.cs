using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using HardNegRules.Training.Metrics;

namespace HardNegRules.Training.Tests.Metrics;

public class MetricsWritersTests
{
    [Test]
    public void Crc32C_matches_the_standard_check_value()
    {
        // The CRC-32C check value of "123456789" (RFC 3720, appendix B.4).
        Assert.That(Crc32C.Compute("123456789"u8), Is.EqualTo(0xE3069283u));
    }

    [Test]
    public void Truncating_after_a_step_drops_later_lines_and_a_line_cut_off_by_a_kill()
    {
        using var dir = new TempDirectory();
        string path = dir.File("metrics.jsonl");
        using (var writer = new JsonlMetricsWriter(path))
        {
            for (int step = 1; step <= 7; step++)
            {
                writer.Write(new StepMetrics(step, 0, 1.0, 1e-4, 800, 14, 1, 0));
            }
        }
        File.AppendAllText(path, "{\"step\":8,\"epo");

        int removed = JsonlMetricsWriter.TruncateAfterStep(path, 5);

        Assert.That(removed, Is.EqualTo(3));
        Assert.That(File.ReadAllLines(path).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("step").GetInt32()),
            Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
        Assert.That(JsonlMetricsWriter.TruncateAfterStep(path, 5), Is.Zero);
    }

    [Test]
    public void Jsonl_writes_one_parseable_object_per_step_and_appends()
    {
        using var dir = new TempDirectory();
        string path = dir.File("metrics.jsonl");
        using (var writer = new JsonlMetricsWriter(path))
        {
            writer.Write(new StepMetrics(1, 0, 4.25, 1e-4, 812.5, 14.28, 1.5, 64));
        }
        using (var writer = new JsonlMetricsWriter(path))
        {
            writer.Write(new StepMetrics(2, 0, double.NaN, 2e-4, 800, 14.3, 1.2, 0));
        }

        string[] lines = File.ReadAllLines(path);
        using var first = JsonDocument.Parse(lines[0]);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(2));
            Assert.That(first.RootElement.GetProperty("step").GetInt32(), Is.EqualTo(1));
            Assert.That(first.RootElement.GetProperty("loss").GetDouble(), Is.EqualTo(4.25));
            Assert.That(first.RootElement.GetProperty("lr").GetDouble(), Is.EqualTo(1e-4));
            Assert.That(first.RootElement.GetProperty("samples_per_s").GetDouble(), Is.EqualTo(812.5));
            Assert.That(first.RootElement.GetProperty("logit_scale").GetDouble(), Is.EqualTo(14.28));
            Assert.That(second.RootElement.GetProperty("loss").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public void TensorBoard_records_are_framed_and_checksummed_as_tfrecords()
    {
        using var dir = new TempDirectory();
        string path;
        using (var writer = new TensorBoardWriter(dir.Path))
        {
            writer.WriteScalars(7, [("train/loss", 0.5)]);
            path = writer.Path;
        }

        byte[] file = File.ReadAllBytes(path);
        var payloads = new List<byte[]>();
        int at = 0;
        while (at < file.Length)
        {
            ulong length = BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(at));
            Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 8)),
                Is.EqualTo(TensorBoardEventReader.MaskedCrc32C(file.AsSpan(at, 8))), "length CRC");
            byte[] payload = file.AsSpan(at + 12, (int)length).ToArray();
            Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 12 + (int)length)),
                Is.EqualTo(TensorBoardEventReader.MaskedCrc32C(payload)), "payload CRC");
            payloads.Add(payload);
            at += 12 + (int)length + 4;
        }

        Assert.Multiple(() =>
        {
            Assert.That(Path.GetFileName(path), Does.StartWith("events.out.tfevents."));
            Assert.That(payloads, Has.Count.EqualTo(2));
            Assert.That(Encoding.ASCII.GetString(payloads[0]), Does.Contain("brain.Event:2"));
            // Event: field 2 (step) as varint 7 = bytes 0x10 0x07; summary value: tag then float 0.5 (0x15 + LE bytes).
            Assert.That(IndexOf(payloads[1], [0x10, 0x07]), Is.GreaterThan(0));
            Assert.That(IndexOf(payloads[1], [.. "train/loss"u8]), Is.GreaterThan(0));
            Assert.That(IndexOf(payloads[1], [0x15, 0x00, 0x00, 0x00, 0x3F]), Is.GreaterThan(0));
        });
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
