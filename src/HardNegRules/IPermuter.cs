using HardNegRules.Permutation;
using HardNegRules.Rules.Compilation;

namespace HardNegRules;

/// <summary>
/// Turns a caption into hard negatives: captions that differ from it in one visual concept (a color, an object, a size,
/// a location), so that they are false of the caption's image. One permuter serves one rule pack.
/// </summary>
/// <remarks>
/// Implementations are the permuters the source generator compiles from <c>rules/**/*.yaml</c> (see
/// <c>Permuters</c> in the HardNegRules.Permuters assembly) and the interpreter over rules loaded at run time (<see cref="RuleSet"/>). For the same rules,
/// caption and seed both give the same negatives. Permuters are immutable and safe to use from many threads.
/// </remarks>
public interface IPermuter
{
    /// <summary>The rule pack this permuter was built from ("default", "concept-world", ...).</summary>
    string Pack { get; }

    /// <summary>The concepts of the pack, in the order their indices are used in masks and results.</summary>
    IReadOnlyList<string> Concepts { get; }

    /// <summary>
    /// The compiled rules this permuter runs: the tables that the indices in <see cref="TermMatch"/> and
    /// <see cref="NegativeSpan"/> refer to (concepts, terms and their forms), and the rule file and line of each entry.
    /// Writers that turn spans into records, and tools that compare or measure packs, read the pack here.
    /// </summary>
    CompiledPack CompiledPack { get; }

    /// <summary>
    /// Finds the concept terms of <paramref name="caption"/> that rules allow to change (blocked phrases and failed
    /// context conditions removed), in caption order.
    /// </summary>
    /// <param name="caption">The caption.</param>
    /// <param name="matches">Receives up to its length matches.</param>
    /// <param name="conceptMask">Bit i set keeps concept i; <see cref="ConceptMask.All"/> keeps every concept.</param>
    /// <returns>The number of matches written.</returns>
    int FindTerms(ReadOnlySpan<char> caption, Span<TermMatch> matches, ulong conceptMask = ConceptMask.All);

    /// <summary>
    /// Writes up to <paramref name="k"/> distinct hard negatives of <paramref name="caption"/> into caller buffers, without
    /// allocating. Each result's text is <c>textBuffer[result.TextStart..(result.TextStart + result.TextLength)]</c>.
    /// </summary>
    /// <param name="caption">The caption.</param>
    /// <param name="k">The most negatives wanted; fewer are written when the rules allow fewer.</param>
    /// <param name="seed">The seed of this caption's draw, usually <see cref="NegativeSeed.For(ulong, string, int)"/>.</param>
    /// <param name="textBuffer">Receives the negatives' texts one after another.</param>
    /// <param name="results">Receives the negatives' provenance.</param>
    /// <param name="conceptMask">Bit i set allows negatives of concept i.</param>
    /// <returns>The number of negatives written; it stops early when a buffer is full.</returns>
    int Permute(ReadOnlySpan<char> caption, int k, NegativeSeed seed, Span<char> textBuffer, Span<NegativeSpan> results,
        ulong conceptMask = ConceptMask.All);

    /// <summary>Up to <paramref name="k"/> distinct hard negatives of <paramref name="caption"/>, as strings with provenance.</summary>
    /// <param name="caption">The caption.</param>
    /// <param name="k">The most negatives wanted.</param>
    /// <param name="seed">The seed of this caption's draw.</param>
    /// <param name="conceptMask">Bit i set allows negatives of concept i.</param>
    /// <returns>The negatives, possibly none.</returns>
    IReadOnlyList<HardNegative> Permute(string caption, int k, NegativeSeed seed, ulong conceptMask = ConceptMask.All);

    /// <summary>
    /// Says what the rules make of <paramref name="caption"/>: every rule text found, whether it is used, and why a
    /// candidate was skipped (a blocked phrase, a context condition, a replacement without the needed form). Not on a hot
    /// path: it allocates and explains every candidate.
    /// </summary>
    /// <param name="caption">The caption.</param>
    /// <returns>One explanation per rule considered, in caption order.</returns>
    IReadOnlyList<TermExplanation> Explain(string caption);
}
