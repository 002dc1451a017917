namespace HardNegRules.Quality;

/// <summary>A term of a concept as the rule file writes it: its spellings per form, lower case.</summary>
/// <param name="Name">The canonical spelling (the first written).</param>
/// <param name="Category">Its category, for concepts that list terms under 'categories:'.</param>
/// <param name="Base">The base form and its variants.</param>
/// <param name="Plural">The plural spellings (given, or the regular plural for noun concepts).</param>
/// <param name="Comparative">The comparative spellings.</param>
/// <param name="Superlative">The superlative spellings.</param>
public sealed record VocabularyTerm(
    string Name,
    string? Category,
    IReadOnlyList<string> Base,
    IReadOnlyList<string> Plural,
    IReadOnlyList<string> Comparative,
    IReadOnlyList<string> Superlative)
{
    /// <summary>Every spelling of every form.</summary>
    public IEnumerable<string> Spellings => Base.Concat(Plural).Concat(Comparative).Concat(Superlative);

    /// <summary>Whether <paramref name="spelling"/> (folded) is a singular/base spelling and not also a plural one.</summary>
    /// <param name="spelling">A folded spelling.</param>
    /// <returns>True when the spelling is only singular.</returns>
    public bool IsOnlySingular(string spelling) => Base.Contains(spelling) && !Plural.Contains(spelling);

    /// <summary>Whether <paramref name="spelling"/> (folded) is a plural spelling and not also a singular one.</summary>
    /// <param name="spelling">A folded spelling.</param>
    /// <returns>True when the spelling is only plural.</returns>
    public bool IsOnlyPlural(string spelling) => Plural.Contains(spelling) && !Base.Contains(spelling);
}
