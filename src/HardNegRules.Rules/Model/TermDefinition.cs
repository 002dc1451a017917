using HardNegRules.Rules.Diagnostics;

namespace HardNegRules.Rules.Model;

/// <summary>One term of a concept as written in its rule file: its spelling in every form, its category and weight.</summary>
/// <param name="canonical">The term's base form as it is written in negatives ("light blue", "tv").</param>
/// <param name="span">Where it was written.</param>
public sealed class TermDefinition(string canonical, SourceSpan span)
{
    /// <summary>The base form as written in negatives.</summary>
    public string Canonical { get; } = canonical;

    /// <summary>Where the term was written.</summary>
    public SourceSpan Span { get; } = span;

    /// <summary>The category (for the same-category policy), or null.</summary>
    public string? Category { get; set; }

    /// <summary>The relative chance of this term being picked, as the term changed and as its replacement.</summary>
    public double Weight { get; set; } = 1.0;

    /// <summary>"a" or "an" when the article cannot be told from the spelling ("an hour", "a unicorn"); else null.</summary>
    public string? Article { get; set; }

    /// <summary>
    /// Spellings per form: the first is written in negatives, all are matched. Base starts with the canonical spelling and
    /// continues with its variants (grey for gray).
    /// </summary>
    public Dictionary<FormKind, List<Located<string>>> Forms { get; } = new Dictionary<FormKind, List<Located<string>>>();

    /// <summary>Forms the file said the term does not have (<c>plural: none</c>).</summary>
    public HashSet<FormKind> AbsentForms { get; } = new HashSet<FormKind>();
}
