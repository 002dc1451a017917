namespace HardNegRules.Training.Evaluation;

/// <summary>
/// Image-side fine-grained test: per concept, the share of items where the caption scores strictly higher with the
/// image it describes than with the changed image.
/// </summary>
/// <remarks>Ties and NaN count as failures: with two images, a model that cannot tell them apart must not get 50% or 100%.</remarks>
public static class ImagePairAccuracy
{
    /// <summary>Evaluates the items, grouped by concept.</summary>
    /// <exception cref="ArgumentException">There are no items.</exception>
    public static ConceptAccuracyReport Evaluate(IEnumerable<ImagePairItem> items) =>
        ConceptAccuracyTally.Of(items, item => item.Concept, IsRightImageChosen);

    /// <summary>Whether the caption scores strictly higher with the right image.</summary>
    public static bool IsRightImageChosen(ImagePairItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.RightImageScore > item.WrongImageScore;
    }
}
