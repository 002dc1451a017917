using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace HardNegRules.Training.Metrics;

/// <summary>
/// Writes TensorBoard scalar summaries as a tfevents file without a protobuf library. Each record is
/// <c>uint64 length, uint32 masked_crc32c(length), bytes, uint32 masked_crc32c(bytes)</c>, and each payload is a
/// hand-encoded <c>Event</c> message: wall_time (field 1, double), step (field 2, varint), then either file_version
/// (field 3, string) or summary (field 5, message of repeated Value { tag = 1: string, simple_value = 2: float }).
/// </summary>
public sealed class TensorBoardWriter : IMetricsSink
{
    private readonly FileStream _stream;

    /// <summary>Creates a new events file in <paramref name="directory"/>.</summary>
    /// <param name="directory">The TensorBoard log directory.</param>
    public TensorBoardWriter(string directory)
    {
        Directory.CreateDirectory(directory);
        long seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        // TensorBoard finds files by the "tfevents" infix; host and pid keep concurrent runs apart.
        Path = System.IO.Path.Combine(directory,
            $"events.out.tfevents.{seconds}.{Environment.MachineName}.{Environment.ProcessId}");
        _stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        WriteRecord(Event(WallTime(), 0, fileVersion: "brain.Event:2", scalars: null));
    }

    /// <summary>The events file being written.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public void Write(StepMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        WriteScalars(metrics.Step,
        [
            ("train/loss", metrics.Loss),
            ("train/lr", metrics.LearningRate),
            ("train/samples_per_s", metrics.SamplesPerSecond),
            ("train/logit_scale", metrics.LogitScale),
            ("train/grad_norm", metrics.GradientNorm),
        ]);
    }

    /// <summary>Writes one event with the given scalars at <paramref name="step"/>.</summary>
    /// <param name="step">The global step.</param>
    /// <param name="scalars">Tag and value pairs.</param>
    public void WriteScalars(long step, IReadOnlyList<(string Tag, double Value)> scalars)
    {
        ArgumentNullException.ThrowIfNull(scalars);
        WriteRecord(Event(WallTime(), step, fileVersion: null, scalars));
        _stream.Flush();
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private static double WallTime() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

    private void WriteRecord(byte[] payload)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Crc32C.Masked(header[..8]));
        Span<byte> footer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, Crc32C.Masked(payload));
        _stream.Write(header);
        _stream.Write(payload);
        _stream.Write(footer);
    }

    internal static byte[] Event(double wallTime, long step, string? fileVersion,
        IReadOnlyList<(string Tag, double Value)>? scalars)
    {
        var message = new ProtobufWriter();
        message.WriteDouble(1, wallTime);
        message.WriteVarintField(2, (ulong)step);
        if (fileVersion is not null)
        {
            message.WriteBytes(3, Encoding.UTF8.GetBytes(fileVersion));
        }
        if (scalars is not null)
        {
            var summary = new ProtobufWriter();
            foreach ((string tag, double value) in scalars)
            {
                var entry = new ProtobufWriter();
                entry.WriteBytes(1, Encoding.UTF8.GetBytes(tag));
                entry.WriteFloat(2, (float)value);
                summary.WriteBytes(1, entry.ToArray());
            }
            message.WriteBytes(5, summary.ToArray());
        }
        return message.ToArray();
    }

    /// <summary>The four protobuf wire encodings the Event message needs.</summary>
    private sealed class ProtobufWriter
    {
        private readonly ArrayBufferWriter<byte> _buffer = new();

        public void WriteDouble(int field, double value)
        {
            WriteVarint(Tag(field, wireType: 1));
            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
            _buffer.Write(bytes);
        }

        public void WriteFloat(int field, float value)
        {
            WriteVarint(Tag(field, wireType: 5));
            Span<byte> bytes = stackalloc byte[4];
            BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
            _buffer.Write(bytes);
        }

        public void WriteVarintField(int field, ulong value)
        {
            WriteVarint(Tag(field, wireType: 0));
            WriteVarint(value);
        }

        public void WriteBytes(int field, byte[] value)
        {
            WriteVarint(Tag(field, wireType: 2));
            WriteVarint((ulong)value.Length);
            _buffer.Write(value);
        }

        public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

        private static ulong Tag(int field, int wireType) => (ulong)((field << 3) | wireType);

        private void WriteVarint(ulong value)
        {
            while (value >= 0x80)
            {
                _buffer.Write([(byte)(value | 0x80)]);
                value >>= 7;
            }
            _buffer.Write([(byte)value]);
        }
    }
}
