namespace HardNegRules.Data.ConceptWorld;

/// <summary>
/// A seeded xoshiro256** generator, seeded through SplitMix64. Our own rather than System.Random so that the sequence
/// is fixed by this file and never changes with the runtime version.
/// </summary>
public sealed class WorldRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates a generator from a seed.</summary>
    /// <param name="seed">Any value; equal seeds give equal sequences.</param>
    public WorldRandom(ulong seed)
    {
        ulong state = seed;
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
    }

    /// <summary>
    /// A seed for an independent stream, derived from a parent seed and labels (e.g. split and scene index), so that
    /// scene i of a split is the same whatever else is generated.
    /// </summary>
    /// <param name="seed">The parent seed.</param>
    /// <param name="first">The first label.</param>
    /// <param name="second">The second label.</param>
    /// <returns>The derived seed.</returns>
    public static ulong Derive(ulong seed, ulong first, ulong second = 0)
    {
        ulong state = seed ^ (first * 0x9E3779B97F4A7C15UL);
        ulong mixed = SplitMix64(ref state);
        state = mixed ^ (second * 0xD1B54A32D192ED03UL);
        return SplitMix64(ref state);
    }

    /// <summary>The next 64 random bits.</summary>
    /// <returns>The bits.</returns>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>).</summary>
    /// <param name="exclusiveMax">The bound; positive.</param>
    /// <returns>The integer.</returns>
    public int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);

        // Multiply-shift keeps the bias below 2^-32 for the small bounds used here, without a rejection loop.
        return (int)(((NextUInt64() >> 32) * (ulong)exclusiveMax) >> 32);
    }

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="min">The smallest value.</param>
    /// <param name="max">The largest value.</param>
    /// <returns>The integer.</returns>
    public int NextInt(int min, int max) => min + NextInt(max - min + 1);

    /// <summary>A uniform double in [0, 1).</summary>
    /// <returns>The double.</returns>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform float in [-1, 1).</summary>
    /// <returns>The float.</returns>
    public float NextSigned() => (float)((NextDouble() * 2.0) - 1.0);

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    /// <param name="probability">0 to 1.</param>
    /// <returns>The outcome.</returns>
    public bool NextBool(double probability) => NextDouble() < probability;

    /// <summary>A uniformly chosen element.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">A non-empty list.</param>
    /// <returns>The element.</returns>
    public T Pick<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items[NextInt(items.Count)];
    }

    /// <summary>Shuffles in place (Fisher-Yates).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The list.</param>
    public void Shuffle<T>(IList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        ulong z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
