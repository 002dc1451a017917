namespace HardNegRules.Training.Evaluation.RealData;

/// <summary>
/// Text-side concept ranking of real held-out pairs against the rule pack's negatives: per concept of the pack, the
/// share of (caption, concept) items whose true caption outscores every rule-made negative of that concept.
/// </summary>
/// <param name="Concepts">Per concept with at least one item, in ordinal order.</param>
/// <param name="Mean">The unweighted mean over those concepts; null when no caption had a negative.</param>
/// <param name="Overall">Correct items over all items; null when there were none.</param>
public sealed record ConceptRankingScores(
    IReadOnlyDictionary<string, ConceptRankingEntry> Concepts,
    double? Mean,
    double? Overall)
{
    /// <summary>The scores of a report; null when there were no items.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The scores.</returns>
    public static ConceptRankingScores From(ConceptAccuracyReport? report) => report is null
        ? new ConceptRankingScores(new Dictionary<string, ConceptRankingEntry>(), null, null)
        : new ConceptRankingScores(
            report.Concepts.ToDictionary(c => c.Concept, c => new ConceptRankingEntry(c.Count, c.Correct, c.Accuracy), StringComparer.Ordinal),
            report.MeanOverConcepts, report.Overall);
}

/// <summary>One concept's ranking result.</summary>
/// <param name="Items">(caption, concept) items: captions with at least one negative of the concept.</param>
/// <param name="Correct">Items whose true caption scored highest.</param>
/// <param name="Accuracy">Correct over items.</param>
public sealed record ConceptRankingEntry(
    int Items,
    int Correct,
    double Accuracy);
