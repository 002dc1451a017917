using HardNegRules.Permutation;

namespace HardNegRules.Benchmarks;

/// <summary>The three engines over the default pack, built once per process.</summary>
public static class Engines
{
    /// <summary>The seed of the baseline's random choices.</summary>
    public const int RegexSeed = 20_170;

    private static readonly Lazy<IPermuter> GeneratedPermuter = new(() => Permuters.Get(Permuters.DefaultPack));
    private static readonly Lazy<IPermuter> InterpretedPermuter = new(() => RuleSet.Load(RepositoryPaths.Rules).Get(Permuters.DefaultPack));
    private static readonly Lazy<RegexBaseline> Baseline = new(() => new RegexBaseline(Interpreter.CompiledPack, RegexSeed));
    private static readonly Lazy<RegexBaseline> TunedBaseline =
        new(() => new RegexBaseline(Interpreter.CompiledPack, RegexSeed, AlternationOrder.ReverseOrdinal));

    /// <summary>The generated permuter of the default pack.</summary>
    public static IPermuter Generated => GeneratedPermuter.Value;

    /// <summary>The interpreter over the repository's rules folder.</summary>
    public static IPermuter Interpreter => InterpretedPermuter.Value;

    /// <summary>The regex baseline over the interpreter's pack.</summary>
    public static RegexBaseline Regex => Baseline.Value;

    /// <summary>The regex baseline with its branches in reverse ordinal order.</summary>
    public static RegexBaseline RegexTuned => TunedBaseline.Value;

    /// <summary>The regex of an engine; null for the permuters.</summary>
    /// <param name="engine">The engine.</param>
    /// <returns>The regex baseline.</returns>
    public static RegexBaseline? RegexOf(Engine engine) => engine switch
    {
        Engine.Regex => Regex,
        Engine.RegexTuned => RegexTuned,
        _ => null,
    };

    /// <summary>The permuter of an engine; null for the regex baseline.</summary>
    /// <param name="engine">The engine.</param>
    /// <returns>The permuter.</returns>
    public static IPermuter? Permuter(Engine engine) => engine switch
    {
        Engine.Generated => Generated,
        Engine.Interpreter => Interpreter,
        _ => null,
    };
}
