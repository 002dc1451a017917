using HardNegRules.Rules.Diagnostics;

namespace HardNegRules.Rules.Model;

/// <summary>A value read from a rule file together with where it was written.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Span">Where it was written.</param>
public sealed record Located<T>(T Value, SourceSpan Span);
