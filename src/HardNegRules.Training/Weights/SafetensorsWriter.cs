using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace HardNegRules.Training.Weights;

/// <summary>Writes float32 tensors in the safetensors format, one tensor's data at a time.</summary>
public static class SafetensorsWriter
{
    /// <summary>The header is padded with spaces to this multiple so that the data section starts aligned, as the
    /// reference writer does (readers that map the file can then view F32 data in place).</summary>
    private const int HeaderAlignment = 8;

    /// <summary>Writes <paramref name="tensors"/>, in the given order, to <paramref name="stream"/>.</summary>
    /// <param name="stream">Receives the file's bytes; left open.</param>
    /// <param name="tensors">The tensors; names must be unique and must not be <c>__metadata__</c>.</param>
    /// <param name="metadata">The header's <c>__metadata__</c> entries, or null for none.</param>
    /// <exception cref="ArgumentException">A duplicate or reserved name, or data whose length does not match its shape.</exception>
    public static void Write(Stream stream, IReadOnlyList<SafetensorsTensorSource> tensors,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(tensors);
        byte[] header = BuildHeader(tensors, metadata);

        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        stream.Write(length);
        stream.Write(header);
        foreach (SafetensorsTensorSource tensor in tensors)
        {
            long written = 0;
            tensor.ProvideData(data =>
            {
                written += data.Length;
                if (written > tensor.ElementCount)
                {
                    throw LengthMismatch(tensor, written);
                }
                WriteLittleEndian(stream, data);
            });
            if (written != tensor.ElementCount)
            {
                throw LengthMismatch(tensor, written);
            }
        }
    }

    private static ArgumentException LengthMismatch(SafetensorsTensorSource tensor, long provided) =>
        new($"Tensor '{tensor.Name}' has shape {SafetensorsTensorInfo.FormatShape(tensor.Shape)} "
            + $"({tensor.ElementCount} elements) but its data provided {provided}.");

    private static byte[] BuildHeader(IReadOnlyList<SafetensorsTensorSource> tensors,
        IReadOnlyDictionary<string, string>? metadata)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                writer.WriteStartObject(SafetensorsHeader.MetadataKey);
                foreach (KeyValuePair<string, string> entry in metadata)
                {
                    writer.WriteString(entry.Key, entry.Value);
                }
                writer.WriteEndObject();
            }
            long offset = 0;
            foreach (SafetensorsTensorSource tensor in tensors)
            {
                if (tensor.Name == SafetensorsHeader.MetadataKey || !names.Add(tensor.Name))
                {
                    throw new ArgumentException($"Tensor name '{tensor.Name}' is reserved or used twice.", nameof(tensors));
                }
                long end = checked(offset + tensor.ElementCount * sizeof(float));
                writer.WriteStartObject(tensor.Name);
                writer.WriteString("dtype", SafetensorsDType.F32.HeaderName());
                writer.WriteStartArray("shape");
                foreach (long dim in tensor.Shape)
                {
                    writer.WriteNumberValue(dim);
                }
                writer.WriteEndArray();
                writer.WriteStartArray("data_offsets");
                writer.WriteNumberValue(offset);
                writer.WriteNumberValue(end);
                writer.WriteEndArray();
                writer.WriteEndObject();
                offset = end;
            }
            writer.WriteEndObject();
        }
        int padded = (int)((json.Length + HeaderAlignment - 1) / HeaderAlignment * HeaderAlignment);
        while (json.Length < padded)
        {
            json.WriteByte((byte)' ');
        }
        return json.ToArray();
    }

    private static void WriteLittleEndian(Stream stream, ReadOnlySpan<float> data)
    {
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(data));
            return;
        }
        Span<byte> element = stackalloc byte[4];
        foreach (float value in data)
        {
            BinaryPrimitives.WriteSingleLittleEndian(element, value);
            stream.Write(element);
        }
    }
}
