using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HardNegRules.Negatives;

/// <summary>
/// Finds the text JSON writes as it is: printable ASCII other than the quote and the backslash, which no escaping of the
/// JSONL contract changes. Readers and writers of caption records use it to pass nearly every caption through untouched.
/// Compiled optimized at first call (no generic search to warm up), 16 bytes a step.
/// </summary>
public static class JsonPlainText
{
    /// <summary>The length of the longest prefix of <paramref name="utf8"/> that JSON writes as it is.</summary>
    /// <param name="utf8">The bytes.</param>
    /// <returns>The index of the first byte that is not plain, or the length when all are.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int PlainLength(ReadOnlySpan<byte> utf8)
    {
        int i = 0;
        int n = utf8.Length;
        if (Vector128.IsHardwareAccelerated && n >= Vector128<byte>.Count)
        {
            ref byte start = ref MemoryMarshal.GetReference(utf8);
            Vector128<byte> space = Vector128.Create((byte)' ');
            Vector128<byte> range = Vector128.Create((byte)('~' - ' '));
            Vector128<byte> quote = Vector128.Create((byte)'"');
            Vector128<byte> backslash = Vector128.Create((byte)'\\');
            for (; i <= n - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                Vector128<byte> v = Vector128.LoadUnsafe(ref start, (nuint)i);
                // Bytes below ' ' wrap around and, like those above '~', land above the range.
                Vector128<byte> special = Vector128.GreaterThan(v - space, range) | Vector128.Equals(v, quote) | Vector128.Equals(v, backslash);
                if (special != Vector128<byte>.Zero)
                {
                    return i + BitOperations.TrailingZeroCount(special.ExtractMostSignificantBits());
                }
            }
        }

        for (; i < n; i++)
        {
            byte b = utf8[i];
            if ((uint)(b - ' ') > '~' - ' ' || b == (byte)'"' || b == (byte)'\\')
            {
                return i;
            }
        }

        return n;
    }

    /// <summary>Whether JSON writes all of <paramref name="utf8"/> as it is.</summary>
    /// <param name="utf8">The bytes.</param>
    /// <returns>True when every byte is plain.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsPlain(ReadOnlySpan<byte> utf8) => PlainLength(utf8) == utf8.Length;
}
