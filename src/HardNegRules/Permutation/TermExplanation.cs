namespace HardNegRules.Permutation;

/// <summary>What the rules made of one piece of a caption, for <c>hardneg rules explain</c>.</summary>
/// <param name="Start">Where the matched text starts.</param>
/// <param name="Length">Its length.</param>
/// <param name="Text">The caption's text there.</param>
/// <param name="Concept">The concept of the rule considered.</param>
/// <param name="Term">The term, or null for a blocked phrase.</param>
/// <param name="Used">Whether the term can be changed here.</param>
/// <param name="Reason">Why it was used or skipped.</param>
/// <param name="Source">The rule's place (rules/color.yaml:12).</param>
/// <param name="Replacements">The terms that may replace it here, in its form.</param>
/// <param name="SkippedReplacements">Allowed terms skipped here, each with why.</param>
public sealed record TermExplanation(int Start, int Length, string Text, string Concept, string? Term, bool Used, string Reason, string Source,
    IReadOnlyList<string> Replacements, IReadOnlyList<string> SkippedReplacements);
