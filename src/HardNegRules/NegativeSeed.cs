using System.Numerics;
using System.Runtime.CompilerServices;

namespace HardNegRules;

/// <summary>
/// The seed of one caption's draw of negatives. Derived from (run seed, caption id, epoch) so that any negative of any
/// epoch can be reproduced on its own, whatever order or thread captions are processed in.
/// </summary>
/// <param name="Value">The 64-bit seed.</param>
public readonly record struct NegativeSeed(ulong Value)
{
    /// <summary>The seed for caption <paramref name="captionId"/> in <paramref name="epoch"/> of a run seeded with <paramref name="seed"/>.</summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="captionId">A stable id of the caption (its record id, or its line number).</param>
    /// <param name="epoch">The epoch (0 outside training).</param>
    /// <returns>The derived seed.</returns>
    public static NegativeSeed For(ulong seed, string captionId, int epoch)
    {
        ArgumentNullException.ThrowIfNull(captionId);
        return For(seed, captionId.AsSpan(), epoch);
    }

    /// <summary>The seed for caption <paramref name="captionId"/>, given as characters (the same seed as its string).</summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="captionId">A stable id of the caption.</param>
    /// <param name="epoch">The epoch (0 outside training).</param>
    /// <returns>The derived seed.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static NegativeSeed For(ulong seed, ReadOnlySpan<char> captionId, int epoch)
    {
        return For(seed, Fnv1a(captionId), epoch);
    }

    /// <summary>The seed for an id given as ASCII bytes: the same seed as its string, without decoding it.</summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="asciiId">The id's bytes, all ASCII (each byte is one UTF-16 unit of the string).</param>
    /// <param name="epoch">The epoch (0 outside training).</param>
    /// <returns>The derived seed.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static NegativeSeed ForAscii(ulong seed, ReadOnlySpan<byte> asciiId, int epoch)
    {
        return For(seed, Fnv1a(asciiId), epoch);
    }

    /// <summary>The seed for a numeric caption id.</summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="captionId">The caption's numeric id.</param>
    /// <param name="epoch">The epoch (0 outside training).</param>
    /// <returns>The derived seed.</returns>
    public static NegativeSeed For(ulong seed, ulong captionId, int epoch)
    {
        ulong x = SplitMix.Mix(seed + 0x9E3779B97F4A7C15UL);
        x = SplitMix.Mix(x ^ captionId);
        x = SplitMix.Mix(x ^ (ulong)(uint)epoch);
        return new NegativeSeed(x);
    }

    /// <summary>
    /// FNV-1a over an id's units (UTF-16 units, or ASCII bytes, which are the same units): stable across processes and
    /// platforms, unlike string.GetHashCode.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Fnv1a<TUnit>(ReadOnlySpan<TUnit> units)
        where TUnit : unmanaged, IBinaryInteger<TUnit>
    {
        ulong hash = 14695981039346656037UL;
        foreach (TUnit unit in units)
        {
            hash = (hash ^ ulong.CreateTruncating(unit)) * 1099511628211UL;
        }

        return hash;
    }
}

/// <summary>SplitMix64: the mixing function and a tiny, fast, platform-independent generator built on it.</summary>
internal struct SplitMix
{
    private ulong _state;

    public SplitMix(ulong seed) => _state = seed;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A double in [0, 1) from the top 53 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
