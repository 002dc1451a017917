using CsCheck;

namespace HardNegRules.Testing;

/// <summary>
/// Runs a CsCheck property over cases that are all drawn from one fixed seed, so that every run checks the same cases
/// on every machine and a failure repeats. (CsCheck's own <c>seed:</c> pins only the first case; it draws the others
/// from per-thread generators seeded by the clock.)
/// </summary>
/// <remarks>
/// Case 0 is the given seed itself; case i &gt; 0 gets a seed drawn from a PCG started at that seed. A failing case
/// is reported by CsCheck with its seed (<c>Set seed: "..." or -e CsCheck_Seed=...</c>); running the test again with
/// the environment variable <c>CsCheck_Seed</c> set to it checks that one case alone. Cases run one after another, so
/// a property may use shared files.
/// </remarks>
internal static class FixedSeedSampling
{
    /// <summary>The root seed of a property that does not name its own.</summary>
    public const string DefaultSeed = "0000000001Ai";

    /// <summary>Checks <paramref name="assert"/> on <paramref name="iter"/> cases drawn from <paramref name="seed"/>.</summary>
    public static void SampleFixed<T>(this Gen<T> gen, Action<T> assert, int iter, string seed = DefaultSeed)
    {
        foreach (string caseSeed in CaseSeeds(iter, seed))
        {
            gen.Sample(assert, seed: caseSeed, iter: 1, threads: 1);
        }
    }

    /// <summary>Checks that <paramref name="property"/> holds on <paramref name="iter"/> cases drawn from <paramref name="seed"/>.</summary>
    public static void SampleFixed<T>(this Gen<T> gen, Func<T, bool> property, int iter, string seed = DefaultSeed)
    {
        foreach (string caseSeed in CaseSeeds(iter, seed))
        {
            gen.Sample(property, seed: caseSeed, iter: 1, threads: 1);
        }
    }

    /// <inheritdoc cref="SampleFixed{T}(Gen{T}, Action{T}, int, string)"/>
    public static void SampleFixed<T1, T2>(this Gen<(T1, T2)> gen, Action<T1, T2> assert, int iter, string seed = DefaultSeed) =>
        gen.SampleFixed(t => assert(t.Item1, t.Item2), iter, seed);

    /// <inheritdoc cref="SampleFixed{T}(Gen{T}, Func{T, bool}, int, string)"/>
    public static void SampleFixed<T1, T2>(this Gen<(T1, T2)> gen, Func<T1, T2, bool> property, int iter, string seed = DefaultSeed) =>
        gen.SampleFixed(t => property(t.Item1, t.Item2), iter, seed);

    /// <inheritdoc cref="SampleFixed{T}(Gen{T}, Action{T}, int, string)"/>
    public static void SampleFixed<T1, T2, T3, T4>(this Gen<(T1, T2, T3, T4)> gen, Action<T1, T2, T3, T4> assert, int iter,
        string seed = DefaultSeed) =>
        gen.SampleFixed(t => assert(t.Item1, t.Item2, t.Item3, t.Item4), iter, seed);

    /// <summary>The seeds of the cases: the one in <c>CsCheck_Seed</c> when it is set (a replay), else <paramref name="iter"/> drawn from <paramref name="seed"/>.</summary>
    private static IEnumerable<string> CaseSeeds(int iter, string seed)
    {
        string? replay = Environment.GetEnvironmentVariable("CsCheck_Seed");
        if (!string.IsNullOrEmpty(replay))
        {
            yield return replay;
            yield break;
        }
        var seeds = PCG.Parse(seed);
        yield return seed;
        for (int i = 1; i < iter; i++)
        {
            yield return new PCG(seeds.Next(), seeds.Next64()).ToString();
        }
    }
}
