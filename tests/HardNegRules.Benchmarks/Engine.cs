namespace HardNegRules.Benchmarks;

/// <summary>The engines compared.</summary>
public enum Engine
{
    /// <summary>The permuter the source generator compiled from rules/*.yaml: <c>Permuters.Get("default")</c>.</summary>
    Generated,

    /// <summary>The interpreter over rules/*.yaml read at run time: <c>RuleSet.Load("rules").Get("default")</c>.</summary>
    Interpreter,

    /// <summary>One compiled, case-insensitive Regex alternating the default pack's term texts: <see cref="RegexBaseline"/>.</summary>
    Regex,

    /// <summary>The same regex with its branches in reverse ordinal order (same matches, prefixes merged).</summary>
    RegexTuned,
}
