using HardNegRules.Training.Datasets;

namespace HardNegRules.Training.Pipeline;

/// <summary>
/// Hard negatives from a rule <see cref="IPermuter"/> for the trainer. Each caption's draw is seeded with
/// <see cref="NegativeSeed.For(ulong, string, int)"/> of (run seed, caption id, epoch), so a resumed run, another thread
/// or <c>hardneg negatives</c> with the same seed reproduces exactly the negatives training saw.
/// </summary>
public sealed class PermuterNegativeSource : IHardNegativeSource
{
    private readonly IPermuter permuter;
    private readonly ulong runSeed;
    private readonly ulong conceptMask;
    private readonly NegativeKind? kind;

    /// <summary>Creates a source over <paramref name="permuter"/>.</summary>
    /// <param name="permuter">The rules that make the negatives.</param>
    /// <param name="runSeed">The run's seed.</param>
    /// <param name="concepts">The concepts negatives may change; null or empty for all of the pack's.</param>
    /// <param name="kind">Only negatives of this kind (replace or swap); null for both.</param>
    /// <exception cref="ArgumentException">A concept is not in the permuter's pack.</exception>
    public PermuterNegativeSource(IPermuter permuter, ulong runSeed, IEnumerable<string>? concepts = null,
        NegativeKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(permuter);
        this.permuter = permuter;
        this.runSeed = runSeed;
        this.kind = kind;
        conceptMask = ConceptMask.Of(permuter, concepts);
    }

    /// <summary>The negatives with provenance (concept, kind), as the trainer would get their texts.</summary>
    /// <param name="caption">The true caption.</param>
    /// <param name="captionId">Its stable id.</param>
    /// <param name="epoch">The epoch.</param>
    /// <param name="k">The most negatives wanted.</param>
    /// <returns>Up to <paramref name="k"/> negatives.</returns>
    public IReadOnlyList<HardNegative> Draw(string caption, string captionId, int epoch, int k)
    {
        ArgumentNullException.ThrowIfNull(caption);
        ArgumentNullException.ThrowIfNull(captionId);
        if (k <= 0)
        {
            return [];
        }
        NegativeSeed seed = NegativeSeed.For(runSeed, captionId, epoch);
        if (kind is null)
        {
            return permuter.Permute(caption, k, seed, conceptMask);
        }
        // The permuter balances kinds itself; asking for every candidate and keeping one kind keeps its seeded order.
        IReadOnlyList<HardNegative> all = permuter.Permute(caption, int.MaxValue, seed, conceptMask);
        return [.. all.Where(n => n.Kind == kind).Take(k)];
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Negatives(string caption, string captionId, int epoch, int k) =>
        [.. Draw(caption, captionId, epoch, k).Select(n => n.Text)];
}
