using HardNegRules.Rules.Diagnostics;

namespace HardNegRules.Rules.Model;

/// <summary>A phrase of one or more words, as written in a rule file.</summary>
/// <param name="Text">The phrase as written.</param>
/// <param name="Words">Its words, folded to lower case.</param>
/// <param name="Span">Where it was written.</param>
public sealed record Phrase(string Text, IReadOnlyList<string> Words, SourceSpan Span);

/// <summary>
/// Conditions on the words around a term, for places where the term is not the concept ("left the room", "right now").
/// </summary>
public sealed class ContextRule
{
    /// <summary>Creates a context for a term.</summary>
    /// <param name="term">The term (any of its forms) the conditions apply to.</param>
    /// <param name="span">Where the context was written.</param>
    public ContextRule(Located<string> term, SourceSpan span)
    {
        Term = term;
        Span = span;
    }

    /// <summary>The term the conditions apply to.</summary>
    public Located<string> Term { get; }

    /// <summary>Where the context was written.</summary>
    public SourceSpan Span { get; }

    /// <summary>Skip the term when it is directly followed by one of these phrases.</summary>
    public List<Phrase> NotBefore { get; } = new List<Phrase>();

    /// <summary>Skip the term when it directly follows one of these phrases.</summary>
    public List<Phrase> NotAfter { get; } = new List<Phrase>();

    /// <summary>When not empty, use the term only when it is directly followed by one of these phrases.</summary>
    public List<Phrase> OnlyBefore { get; } = new List<Phrase>();

    /// <summary>When not empty, use the term only when it directly follows one of these phrases.</summary>
    public List<Phrase> OnlyAfter { get; } = new List<Phrase>();
}
