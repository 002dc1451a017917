using HardNegRules.Rules.Diagnostics;

namespace HardNegRules.Rules.Model;

/// <summary>A pack's own settings (<c>pack.yaml</c>): the concepts it reuses from the default pack and its limits.</summary>
public sealed class PackSettings
{
    /// <summary>Creates settings.</summary>
    /// <param name="span">Where they were written.</param>
    public PackSettings(SourceSpan span) => Span = span;

    /// <summary>Where the settings were written.</summary>
    public SourceSpan Span { get; }

    /// <summary>Concepts of the default pack this pack reuses ("color", "size").</summary>
    public List<ConceptUse> Uses { get; } = new List<ConceptUse>();

    /// <summary>The most negatives made for one caption, whatever is asked; 0 for no limit.</summary>
    public int MaxNegatives { get; set; }

    /// <summary>Free text for readers.</summary>
    public string? Description { get; set; }
}

/// <summary>A reused concept, optionally narrowed to the terms that may be written in this pack's negatives.</summary>
/// <param name="Concept">The concept's name.</param>
/// <param name="Only">When not null, only these terms are written as replacements (all terms are still recognised).</param>
public sealed record ConceptUse(Located<string> Concept, IReadOnlyList<Located<string>>? Only);
