namespace HardNegRules.Training.Datasets;

/// <summary>
/// Supplies hard-negative captions (e.g. from the rule engine). Implementations must be deterministic in their
/// arguments so that a resumed run sees the same negatives as an uninterrupted one. The trainer calls it from its
/// batch-preparation worker thread (one call at a time).
/// </summary>
public interface IHardNegativeSource
{
    /// <summary>Returns up to <paramref name="k"/> hard negatives of <paramref name="caption"/> for this epoch.</summary>
    /// <param name="caption">The true caption.</param>
    /// <param name="captionId">Its stable identifier (a seed for the choice).</param>
    /// <param name="epoch">The epoch, so that a caption can get different negatives in different epochs.</param>
    /// <param name="k">The most negatives wanted; fewer (or none) is fine when the caption offers fewer.</param>
    IReadOnlyList<string> Negatives(string caption, string captionId, int epoch, int k);
}
