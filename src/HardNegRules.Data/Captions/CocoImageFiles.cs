using System.Buffers.Text;
using System.Text;
using HardNegRules.Negatives;
using System.Runtime.CompilerServices;

namespace HardNegRules.Data.Captions;

/// <summary>
/// A COCO file's image id -> file name map, keyed without a string for numeric ids (COCO's own). Filled from "images"
/// before any annotation is handed out, then only read (by any thread).
/// </summary>
internal sealed class CocoImageFiles : IImageFileLookup
{
    private readonly Dictionary<long, byte[]> _byNumber = [];
    private readonly Dictionary<string, byte[]> _byText = new(StringComparer.Ordinal);

    public void Add(ReadOnlySpan<byte> id, ReadOnlySpan<byte> fileName)
    {
        if (AsNumber(id, out long number))
        {
            _byNumber[number] = fileName.ToArray();
        }
        else
        {
            _byText[Encoding.UTF8.GetString(id)] = fileName.ToArray();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> Find(ReadOnlySpan<byte> id) =>
        AsNumber(id, out long number)
            ? (_byNumber.TryGetValue(number, out byte[]? file) ? file : default)
            : (_byText.Count > 0 && _byText.TryGetValue(Encoding.UTF8.GetString(id), out byte[]? named) ? named : default);

    // Only ids written as plain integers share the numeric key: "7" and "7.0" stay distinct, as their text is.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool AsNumber(ReadOnlySpan<byte> id, out long number) =>
        Utf8Parser.TryParse(id, out number, out int consumed) && consumed == id.Length && id.Length > 0 && (id[0] != (byte)'0' || id.Length == 1);
}
