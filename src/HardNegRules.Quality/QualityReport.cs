namespace HardNegRules.Quality;

/// <summary>The result of <see cref="RuleQualityReport.Run"/>: coverage per concept and the defects found.</summary>
/// <param name="Pack">The rule pack measured.</param>
/// <param name="Captions">The captions read.</param>
/// <param name="Negatives">The negatives made and checked.</param>
/// <param name="Coverage">Coverage per concept, in the pack's concept order.</param>
/// <param name="DefectCounts">The number of defects per kind; every kind is present.</param>
/// <param name="Examples">Up to a few examples of each kind of defect.</param>
public sealed record QualityReport(
    string Pack,
    int Captions,
    int Negatives,
    IReadOnlyList<ConceptCoverage> Coverage,
    IReadOnlyDictionary<DefectKind, int> DefectCounts,
    IReadOnlyList<QualityDefect> Examples)
{
    /// <summary>All defects found.</summary>
    public int TotalDefects => DefectCounts.Values.Sum();

    /// <summary>The coverage of a concept by name, or null.</summary>
    /// <param name="concept">The concept's name.</param>
    /// <returns>Its coverage, or null when the pack has no such concept.</returns>
    public ConceptCoverage? CoverageOf(string concept) =>
        Coverage.FirstOrDefault(c => string.Equals(c.Concept, concept, StringComparison.OrdinalIgnoreCase));

    /// <summary>The report as Markdown: a coverage table, a defect table and the examples.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown() => QualityReportMarkdown.Render(this);
}
