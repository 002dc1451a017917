using HardNegRules.Rules.Diagnostics;

namespace HardNegRules.Rules.Model;

/// <summary>A concept as written in its rule file: terms, the policy for replacing them, and where they do not apply.</summary>
/// <param name="name">The concept's name (color, size, ...).</param>
/// <param name="span">Where the name was written.</param>
public sealed class ConceptDefinition(string name, SourceSpan span)
{
    /// <summary>The concept's name.</summary>
    public string Name { get; } = name;

    /// <summary>Where the concept's name was written.</summary>
    public SourceSpan Span { get; } = span;

    /// <summary>Free text for readers.</summary>
    public string? Description { get; set; }

    /// <summary>Which terms may replace a term.</summary>
    public SwapPolicy Policy { get; set; } = SwapPolicy.Any;

    /// <summary>The relative chance of a negative of this concept.</summary>
    public double Weight { get; set; } = 1.0;

    /// <summary>The weight of the replace kind (0 turns it off).</summary>
    public double ReplaceWeight { get; set; } = 1.0;

    /// <summary>The weight of the swap kind (0, the default, turns it off).</summary>
    public double SwapWeight { get; set; }

    /// <summary>How terms inflect when their forms are not written out.</summary>
    public Inflection Inflection { get; set; } = Inflection.None;

    /// <summary>The terms, in file order.</summary>
    public List<TermDefinition> Terms { get; } = new List<TermDefinition>();

    /// <summary>Groups of terms that mean the same: never negatives of each other.</summary>
    public List<List<Located<string>>> Synonyms { get; } = new List<List<Located<string>>>();

    /// <summary>Groups of terms that can be true of the same thing (hypernyms, hyponyms): never negatives of each other.</summary>
    public List<List<Located<string>>> NeverSwap { get; } = new List<List<Located<string>>>();

    /// <summary>Pairs of opposite terms, for the opposite policy.</summary>
    public List<(Located<string> First, Located<string> Second)> Opposites { get; } = new List<(Located<string>, Located<string>)>();

    /// <summary>Phrases in which this concept's terms are not the concept ("orange juice", "black and white").</summary>
    public List<Phrase> Blocked { get; } = new List<Phrase>();

    /// <summary>Neighbouring-word conditions per term.</summary>
    public List<ContextRule> Contexts { get; } = new List<ContextRule>();
}
