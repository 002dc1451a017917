using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HardNegRules.Negatives;

/// <summary>
/// Finds the text JSON writes as it is: printable ASCII other than the quote and the backslash, which no escaping of the
/// JSONL contract changes. Readers and writers of caption records use it to pass nearly every caption through untouched.
/// Compiled optimized at first call (no generic search to warm up), 32 bytes a step where the processor has them.
/// </summary>
public static class JsonPlainText
{
    /// <summary>The length of the longest prefix of <paramref name="utf8"/> that JSON writes as it is.</summary>
    /// <param name="utf8">The bytes.</param>
    /// <returns>The index of the first byte that is not plain, or the length when all are.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int PlainLength(ReadOnlySpan<byte> utf8)
    {
        int n = utf8.Length;
        ref byte start = ref MemoryMarshal.GetReference(utf8);
        if (Vector256.IsHardwareAccelerated && n >= Vector256<byte>.Count)
        {
            return VectorPlainLength<Wide>(ref start, n);
        }

        if (Vector128.IsHardwareAccelerated && n >= Vector128<byte>.Count)
        {
            return VectorPlainLength<Narrow>(ref start, n);
        }

        for (int i = 0; i < n; i++)
        {
            byte b = utf8[i];
            if ((uint)(b - ' ') > '~' - ' ' || b == (byte)'"' || b == (byte)'\\')
            {
                return i;
            }
        }

        return n;
    }

    // A vector at a time (n is at least one vector); compiled once per vector width.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int VectorPlainLength<TVector>(ref byte start, int n)
        where TVector : struct, ISpecialBytes
    {
        int i = 0;
        for (; i <= n - TVector.Count; i += TVector.Count)
        {
            uint special = TVector.Special(ref start, i);
            if (special != 0)
            {
                return i + BitOperations.TrailingZeroCount(special);
            }
        }

        // The tail as one more vector that overlaps bytes already found plain, so only the tail's can be special.
        if (i < n)
        {
            int last = n - TVector.Count;
            uint special = TVector.Special(ref start, last);
            return special != 0 ? last + BitOperations.TrailingZeroCount(special) : n;
        }

        return n;
    }

    // One vector's bytes that are not plain, as a bit mask (bit k for byte k): those below ' ' wrap around and, like
    // those above '~', land above the range.
    private interface ISpecialBytes
    {
        static abstract int Count { get; }

        static abstract uint Special(ref byte start, int at);
    }

    private readonly struct Wide : ISpecialBytes
    {
        public static int Count => Vector256<byte>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Special(ref byte start, int at)
        {
            Vector256<byte> v = Vector256.LoadUnsafe(ref start, (nuint)at);
            return (Vector256.GreaterThan(v - Vector256.Create((byte)' '), Vector256.Create((byte)('~' - ' ')))
                | Vector256.Equals(v, Vector256.Create((byte)'"')) | Vector256.Equals(v, Vector256.Create((byte)'\\'))).ExtractMostSignificantBits();
        }
    }

    private readonly struct Narrow : ISpecialBytes
    {
        public static int Count => Vector128<byte>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Special(ref byte start, int at)
        {
            Vector128<byte> v = Vector128.LoadUnsafe(ref start, (nuint)at);
            return (Vector128.GreaterThan(v - Vector128.Create((byte)' '), Vector128.Create((byte)('~' - ' ')))
                | Vector128.Equals(v, Vector128.Create((byte)'"')) | Vector128.Equals(v, Vector128.Create((byte)'\\'))).ExtractMostSignificantBits();
        }
    }

    /// <summary>Whether JSON writes all of <paramref name="utf8"/> as it is.</summary>
    /// <param name="utf8">The bytes.</param>
    /// <returns>True when every byte is plain.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsPlain(ReadOnlySpan<byte> utf8) => PlainLength(utf8) == utf8.Length;
}
