namespace HardNegRules.Training.Evaluation;

/// <summary>
/// Text-side fine-grained test: per concept, the share of items where the image scores its true caption strictly
/// higher than every one of the caption's hard negatives.
/// </summary>
/// <remarks>
/// Ties count as failures (a negative that scores the same as the true caption is not beaten), and so does NaN,
/// so a model that cannot tell the captions apart scores 0 rather than earning credit by accident.
/// </remarks>
public static class TextConceptRanking
{
    /// <summary>Evaluates the items, grouped by concept.</summary>
    /// <exception cref="ArgumentException">There are no items, or an item has no hard negative.</exception>
    public static ConceptAccuracyReport Evaluate(IEnumerable<TextRankingItem> items) =>
        ConceptAccuracyTally.Of(items, item => item.Concept, IsTrueCaptionRankedFirst);

    /// <summary>Whether the true caption scores strictly higher than every hard negative.</summary>
    /// <exception cref="ArgumentException">The item has no hard negative.</exception>
    public static bool IsTrueCaptionRankedFirst(TextRankingItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.HardNegativeScores.Count == 0)
        {
            throw new ArgumentException($"An item of concept '{item.Concept}' has no hard negative to rank against.", nameof(item));
        }

        return item.HardNegativeScores.All(negative => item.TrueCaptionScore > negative);
    }
}
