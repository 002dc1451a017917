using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace HardNegRules.Training.Weights;

/// <summary>
/// Reads a safetensors file: the header is parsed and validated when the file is opened; tensor data is read on
/// demand with positioned reads, one tensor at a time, so a 600 MB file never has to sit in memory whole.
/// </summary>
/// <remarks>
/// Layout: an 8-byte little-endian header length N, N bytes of JSON
/// (<c>{name: {dtype, shape, data_offsets}, "__metadata__": {...}}</c>), then the data section, with offsets relative
/// to its start.
/// </remarks>
public sealed class SafetensorsReader : IDisposable
{
    /// <summary>Half-precision data is decoded through a buffer of this many bytes rather than a whole-tensor copy.</summary>
    private const int ChunkBytes = 1 << 20;

    private readonly SafeFileHandle _handle;
    private readonly long _dataStart;
    private readonly string _path;

    private SafetensorsReader(SafeFileHandle handle, string path, long dataStart,
        Dictionary<string, SafetensorsTensorInfo> tensors, Dictionary<string, string> metadata)
    {
        _handle = handle;
        _path = path;
        _dataStart = dataStart;
        Tensors = tensors;
        Metadata = metadata;
    }

    /// <summary>The tensors in the file, by name.</summary>
    public IReadOnlyDictionary<string, SafetensorsTensorInfo> Tensors { get; }

    /// <summary>The header's <c>__metadata__</c> entries (empty when absent).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Opens <paramref name="path"/> and validates its header against the file's size.</summary>
    /// <param name="path">A .safetensors file.</param>
    /// <returns>An open reader; dispose it to close the file.</returns>
    /// <exception cref="InvalidDataException">The file is too short, truncated, or its header is malformed.</exception>
    public static SafetensorsReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            long fileLength = RandomAccess.GetLength(handle);
            if (fileLength < 8)
            {
                throw SafetensorsHeader.Invalid(path, $"it has {fileLength} bytes, fewer than the 8-byte header length");
            }
            Span<byte> lengthBytes = stackalloc byte[8];
            ReadExactly(handle, lengthBytes, 0, path);
            ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
            if (headerLength == 0 || headerLength > SafetensorsHeader.MaxHeaderLength)
            {
                throw SafetensorsHeader.Invalid(path, $"the header length {headerLength} is outside 1..{SafetensorsHeader.MaxHeaderLength}");
            }
            if ((long)headerLength > fileLength - 8)
            {
                throw SafetensorsHeader.Invalid(path,
                    $"the header claims {headerLength} bytes but only {fileLength - 8} follow (the file is truncated)");
            }
            byte[] json = new byte[headerLength];
            ReadExactly(handle, json, 8, path);
            long dataStart = 8 + (long)headerLength;
            var (tensors, metadata) = SafetensorsHeader.Parse(json, fileLength - dataStart, path);
            return new SafetensorsReader(handle, path, dataStart, tensors, metadata);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Reads a floating-point tensor, converted to float32, into <paramref name="destination"/>.</summary>
    /// <param name="name">The tensor's name.</param>
    /// <param name="destination">Receives exactly the tensor's element count, in row-major order.</param>
    /// <exception cref="KeyNotFoundException">No tensor has that name.</exception>
    /// <exception cref="InvalidDataException">The tensor is not F32, F16 or BF16.</exception>
    public void ReadFloat32(string name, Span<float> destination)
    {
        SafetensorsTensorInfo info = Find(name);
        if (destination.Length != info.ElementCount)
        {
            throw new ArgumentException(
                $"Tensor '{name}' has {info.ElementCount} elements; the destination holds {destination.Length}.",
                nameof(destination));
        }
        long offset = _dataStart + info.Begin;
        switch (info.DType)
        {
            case SafetensorsDType.F32:
                ReadExactly(_handle, MemoryMarshal.AsBytes(destination), offset, _path);
                if (!BitConverter.IsLittleEndian)
                {
                    Span<int> bits = MemoryMarshal.Cast<float, int>(destination);
                    BinaryPrimitives.ReverseEndianness(bits, bits);
                }
                break;
            case SafetensorsDType.F16:
            case SafetensorsDType.BF16:
                ReadHalves(info.DType, offset, destination);
                break;
            default:
                throw new InvalidDataException(
                    $"Tensor '{name}' in '{_path}' is {info.DType.HeaderName()}; only F32, F16 and BF16 can be read as floats.");
        }
    }

    /// <summary>Reads a floating-point tensor, converted to float32, into a new array.</summary>
    /// <param name="name">The tensor's name.</param>
    /// <returns>Its elements in row-major order.</returns>
    public float[] ReadFloat32(string name)
    {
        SafetensorsTensorInfo info = Find(name);
        if (info.ElementCount > Array.MaxLength)
        {
            throw new InvalidDataException($"Tensor '{name}' has {info.ElementCount} elements, too many for one array.");
        }
        float[] values = new float[info.ElementCount];
        ReadFloat32(name, values);
        return values;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _handle.Dispose();

    private SafetensorsTensorInfo Find(string name) =>
        Tensors.TryGetValue(name, out SafetensorsTensorInfo? info)
            ? info
            : throw new KeyNotFoundException($"'{_path}' holds no tensor named '{name}'.");

    private void ReadHalves(SafetensorsDType dtype, long offset, Span<float> destination)
    {
        byte[] chunk = new byte[Math.Min(ChunkBytes, 2L * destination.Length)];
        int perChunk = chunk.Length / 2;
        for (int start = 0; start < destination.Length; start += perChunk)
        {
            int count = Math.Min(perChunk, destination.Length - start);
            Span<byte> bytes = chunk.AsSpan(0, 2 * count);
            ReadExactly(_handle, bytes, offset + 2L * start, _path);
            Span<float> target = destination.Slice(start, count);
            if (dtype == SafetensorsDType.F16)
            {
                HalfPrecision.DecodeF16(bytes, target);
            }
            else
            {
                HalfPrecision.DecodeBF16(bytes, target);
            }
        }
    }

    private static void ReadExactly(SafeFileHandle handle, Span<byte> buffer, long offset, string path)
    {
        while (!buffer.IsEmpty)
        {
            int read = RandomAccess.Read(handle, buffer, offset);
            if (read == 0)
            {
                // The size was checked on open: only a file shrinking underneath us ends here.
                throw SafetensorsHeader.Invalid(path, $"it ended early at byte {offset}");
            }
            buffer = buffer[read..];
            offset += read;
        }
    }
}
