using System.Buffers.Binary;
using System.Text;

namespace HardNegRules.Training.Tests.Support;

/// <summary>
/// Reads a TensorBoard events file the way TensorBoard does, written here from the format's definition and sharing no
/// code with the writer: TFRecord framing (uint64 length, masked CRC-32C of the length, payload, masked CRC-32C of the
/// payload) around tensorflow.Event protobuf messages (1: wall_time double, 2: step int64, 3: file_version string,
/// 5: Summary { repeated Value value = 1 { 1: tag string, 2: simple_value float } }). Unknown fields are skipped.
/// </summary>
internal static class TensorBoardEventReader
{
    public sealed record Event(double WallTime, long Step, string? FileVersion, IReadOnlyList<(string Tag, float Value)> Scalars);

    /// <exception cref="InvalidDataException">A frame is cut off or a checksum does not match.</exception>
    public static List<Event> Read(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        var events = new List<Event>();
        int at = 0;
        while (at < file.Length)
        {
            if (file.Length - at < 12)
            {
                throw new InvalidDataException($"record at byte {at}: truncated header");
            }
            ulong length = BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(at, 8));
            if (BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 8, 4)) != MaskedCrc32C(file.AsSpan(at, 8)))
            {
                throw new InvalidDataException($"record at byte {at}: length checksum mismatch");
            }
            if ((ulong)(file.Length - at - 16) < length)
            {
                throw new InvalidDataException($"record at byte {at}: truncated payload");
            }
            ReadOnlySpan<byte> payload = file.AsSpan(at + 12, (int)length);
            if (BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 12 + (int)length, 4)) != MaskedCrc32C(payload))
            {
                throw new InvalidDataException($"record at byte {at}: payload checksum mismatch");
            }
            events.Add(ParseEvent(payload.ToArray()));
            at += 16 + (int)length;
        }
        return events;
    }

    private static Event ParseEvent(byte[] message)
    {
        double wallTime = 0;
        long step = 0;
        string? fileVersion = null;
        var scalars = new List<(string, float)>();
        foreach ((int field, int wire, ulong varint, byte[] bytes) in Fields(message))
        {
            switch (field, wire)
            {
                case (1, 1):
                    wallTime = BitConverter.Int64BitsToDouble((long)varint);
                    break;
                case (2, 0):
                    step = (long)varint;
                    break;
                case (3, 2):
                    fileVersion = Encoding.UTF8.GetString(bytes);
                    break;
                case (5, 2):
                    foreach ((int f, int w, _, byte[] value) in Fields(bytes))
                    {
                        if (f == 1 && w == 2)
                        {
                            scalars.Add(ParseValue(value));
                        }
                    }
                    break;
            }
        }
        return new Event(wallTime, step, fileVersion, scalars);
    }

    private static (string, float) ParseValue(byte[] value)
    {
        string tag = string.Empty;
        float simple = float.NaN;
        foreach ((int field, int wire, ulong fixedOrVarint, byte[] bytes) in Fields(value))
        {
            if (field == 1 && wire == 2)
            {
                tag = Encoding.UTF8.GetString(bytes);
            }
            else if (field == 2 && wire == 5)
            {
                simple = BitConverter.Int32BitsToSingle((int)fixedOrVarint);
            }
        }
        return (tag, simple);
    }

    /// <summary>Each field: number, wire type, the value of a varint or fixed field, the bytes of a length-delimited one.</summary>
    private static IEnumerable<(int Field, int Wire, ulong Number, byte[] Bytes)> Fields(byte[] message)
    {
        int at = 0;
        while (at < message.Length)
        {
            ulong key = Varint(message, ref at);
            int field = (int)(key >> 3), wire = (int)(key & 7);
            switch (wire)
            {
                case 0:
                    yield return (field, wire, Varint(message, ref at), []);
                    break;
                case 1:
                    yield return (field, wire, BinaryPrimitives.ReadUInt64LittleEndian(message.AsSpan(at, 8)), []);
                    at += 8;
                    break;
                case 2:
                    int length = (int)Varint(message, ref at);
                    yield return (field, wire, 0, message.AsSpan(at, length).ToArray());
                    at += length;
                    break;
                case 5:
                    yield return (field, wire, BinaryPrimitives.ReadUInt32LittleEndian(message.AsSpan(at, 4)), []);
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"wire type {wire} at byte {at}");
            }
        }
    }

    private static ulong Varint(byte[] bytes, ref int at)
    {
        ulong value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    /// <summary>An independent bitwise CRC-32C (reflected polynomial 0x82F63B78), then TFRecord's mask, so that tests
    /// do not trust the code they check.</summary>
    public static uint MaskedCrc32C(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
            }
        }
        crc = ~crc;
        return ((crc >> 15) | (crc << 17)) + 0xA282EAD8u;
    }
}
