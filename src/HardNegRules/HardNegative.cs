namespace HardNegRules;

/// <summary>What a hard negative did to its caption.</summary>
public enum NegativeKind
{
    /// <summary>One term replaced by another term of its concept (the method of Rösch et al.).</summary>
    Replace,

    /// <summary>Two terms of one concept exchanged ("a white cat on a black couch" -> "a black cat on a white couch").</summary>
    Swap,
}

/// <summary>One changed span of a caption.</summary>
/// <param name="Start">Where <paramref name="From"/> starts in the original caption (UTF-16 units).</param>
/// <param name="Length">The length of <paramref name="From"/> in the original caption.</param>
/// <param name="From">The caption's text at that span.</param>
/// <param name="To">The text that replaced it (before any article repair next to it).</param>
public sealed record TermEdit(int Start, int Length, string From, string To);

/// <summary>A hard negative with its provenance.</summary>
/// <param name="Text">The negative caption.</param>
/// <param name="Concept">The concept that was changed ("color", "object", ...).</param>
/// <param name="Kind">Replace or swap.</param>
/// <param name="Rule">The rule that made it: <c>concept/term</c> for a replacement, <c>concept/swap</c> for a swap.</param>
/// <param name="Edit">The changed span; for a swap, the first of the two.</param>
/// <param name="SwapEdit">For a swap, the second changed span; otherwise null.</param>
public sealed record HardNegative(string Text, string Concept, NegativeKind Kind, string Rule, TermEdit Edit, TermEdit? SwapEdit = null)
{
    /// <summary>Where the changed term starts in the original caption.</summary>
    public int Start => Edit.Start;

    /// <summary>The length of the changed term in the original caption.</summary>
    public int Length => Edit.Length;

    /// <summary>The original term's text.</summary>
    public string From => Edit.From;

    /// <summary>The replacement's text.</summary>
    public string To => Edit.To;
}
