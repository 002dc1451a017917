namespace HardNegRules;

/// <summary>A concept term found in a caption.</summary>
/// <param name="Start">Where it starts (UTF-16 units).</param>
/// <param name="Length">Its length.</param>
/// <param name="Concept">The concept's index in <see cref="IPermuter.Concepts"/>.</param>
/// <param name="Term">The index of its term in the pack's compiled tables.</param>
/// <param name="Form">The index of its form (base, plural, ...) in the pack's compiled tables.</param>
public readonly record struct TermMatch(int Start, int Length, int Concept, int Term, int Form);

/// <summary>A hard negative written by the allocation-free <see cref="IPermuter.Permute(ReadOnlySpan{char}, int, NegativeSeed, Span{char}, Span{NegativeSpan}, ulong)"/>.</summary>
/// <param name="TextStart">Where its text starts in the caller's text buffer.</param>
/// <param name="TextLength">The length of its text.</param>
/// <param name="Kind">Replace or swap.</param>
/// <param name="Concept">The concept's index.</param>
/// <param name="First">The (first) term changed.</param>
/// <param name="FirstTo">The term that replaced it.</param>
/// <param name="Second">For a swap, the second term changed (whose replacement is <paramref name="First"/>'s term).</param>
public readonly record struct NegativeSpan(int TextStart, int TextLength, NegativeKind Kind, int Concept, TermMatch First, int FirstTo, TermMatch Second);
