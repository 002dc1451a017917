namespace HardNegRules.Rules.Model;

/// <summary>Which terms may replace a term of a concept.</summary>
public enum SwapPolicy
{
    /// <summary>Any other term of the concept (colors).</summary>
    Any,

    /// <summary>A term of the same category (animal for animal, vehicle for vehicle).</summary>
    SameCategory,

    /// <summary>Only the term's declared opposite (left/right, small/large).</summary>
    Opposite,
}

/// <summary>How a concept's terms inflect when the rule file does not spell a form out.</summary>
public enum Inflection
{
    /// <summary>Only the forms written in the file.</summary>
    None,

    /// <summary>Nouns: a regular plural is made for every term unless the file gives one or says <c>plural: none</c>.</summary>
    Noun,
}

/// <summary>The grammatical forms a term can have. A replacement keeps the form of the term it replaces.</summary>
public enum FormKind
{
    /// <summary>The base form (singular noun, positive adjective, the phrase itself).</summary>
    Base = 0,

    /// <summary>The plural of a noun.</summary>
    Plural = 1,

    /// <summary>The comparative of an adjective (bigger).</summary>
    Comparative = 2,

    /// <summary>The superlative of an adjective (biggest).</summary>
    Superlative = 3,
}
