namespace HardNegRules.Training.Datasets;

/// <summary>
/// The hard negatives a data set brings (NegCLIP's neg_caption column), by caption id, for <c>rules.source: dataset</c>.
/// A caption with more than k negatives gets k of them drawn with a seed of (run seed, caption id, epoch), so a resumed
/// run sees the same ones.
/// </summary>
/// <param name="negatives">The negatives of each caption id.</param>
/// <param name="runSeed">The run's seed.</param>
public sealed class DatasetNegativeSource(IReadOnlyDictionary<string, IReadOnlyList<string>> negatives, ulong runSeed) : IHardNegativeSource
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _negatives = negatives ?? throw new ArgumentNullException(nameof(negatives));

    /// <inheritdoc />
    public IReadOnlyList<string> Negatives(string caption, string captionId, int epoch, int k)
    {
        ArgumentNullException.ThrowIfNull(captionId);
        if (k <= 0 || !_negatives.TryGetValue(captionId, out IReadOnlyList<string>? own) || own.Count == 0)
        {
            return [];
        }
        if (own.Count <= k)
        {
            return own;
        }
        string[] shuffled = [.. own];
#pragma warning disable CA5394 // seeded: the draw must replay identically on resume
        new Random((int)NegativeSeed.For(runSeed, captionId, epoch).Value).Shuffle(shuffled);
#pragma warning restore CA5394
        return shuffled[..k];
    }
}
