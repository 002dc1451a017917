namespace HardNegRules.Training.Datasets;

/// <summary>
/// Hard negatives from a rule <see cref="IPermuter"/> for the trainer. Each caption's draw is seeded with
/// <see cref="NegativeSeed.For(ulong, string, int)"/> of (run seed, caption id, epoch), so a resumed run, another thread
/// or <c>hardneg negatives</c> with the same seed reproduces exactly the negatives training saw.
/// </summary>
public sealed class PermuterNegativeSource : IHardNegativeSource
{
    private readonly IPermuter _permuter;
    private readonly ulong _runSeed;
    private readonly ulong _conceptMask;
    private readonly NegativeKind? _kind;
    private readonly IReadOnlyDictionary<string, double>? _conceptWeights;
    private readonly double? _swapShare;
    private readonly Func<string, string, bool>? _keep;

    /// <summary>Creates a source over <paramref name="permuter"/>.</summary>
    /// <param name="permuter">The rules that make the negatives.</param>
    /// <param name="runSeed">The run's seed.</param>
    /// <param name="concepts">The concepts negatives may change; null or empty for all of the pack's.</param>
    /// <param name="kind">Only negatives of this kind (replace or swap); null for both.</param>
    /// <param name="conceptWeights">Relative chance of each concept among a caption's negatives (unnamed concepts weigh
    /// 1); null or empty keeps the rule pack's own balance.</param>
    /// <param name="swapShare">Chance in [0, 1] that each negative is a swap (two terms of the caption exchanged, the
    /// bag of words kept) when the caption still has one to give; null keeps the rule pack's own balance.</param>
    /// <param name="keep">Which negatives may be used, given (caption id, negative text); null keeps all. The concept
    /// world passes its checker here, so that a negative true of the scene is never trained as false.</param>
    /// <exception cref="ArgumentException">A concept is not in the permuter's pack.</exception>
    public PermuterNegativeSource(IPermuter permuter, ulong runSeed, IEnumerable<string>? concepts = null,
        NegativeKind? kind = null, IReadOnlyDictionary<string, double>? conceptWeights = null, double? swapShare = null,
        Func<string, string, bool>? keep = null)
    {
        _keep = keep;
        ArgumentNullException.ThrowIfNull(permuter);
        if (swapShare is { } share && !(share >= 0 && share <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(swapShare), swapShare, "The swap share must lie in [0, 1].");
        }
        _swapShare = swapShare;
        _permuter = permuter;
        _runSeed = runSeed;
        _kind = kind;
        _conceptMask = ConceptMask.Of(permuter, concepts);
        if (conceptWeights is { Count: > 0 })
        {
            _ = ConceptMask.Of(permuter, conceptWeights.Keys); // names a concept the pack lacks: fail now, not mid-run
            _conceptWeights = conceptWeights;
        }
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
        NegativeSeed seed = NegativeSeed.For(_runSeed, captionId, epoch);
        if (_kind is null && _conceptWeights is null && _swapShare is null && _keep is null)
        {
            return _permuter.Permute(caption, k, seed, _conceptMask);
        }
        // The permuter balances kinds and concepts itself; asking for every candidate and then choosing keeps its
        // seeded order within a concept.
        List<HardNegative> all = [.. _permuter.Permute(caption, AllCandidates, seed, _conceptMask)
            .Where(n => (_kind is null || n.Kind == _kind) && (_keep is null || _keep(captionId, n.Text)))];
        if (_swapShare is null && _conceptWeights is null)
        {
            return [.. all.Take(k)];
        }
#pragma warning disable CA5394 // reproducibility, not secrecy: the choice must replay from the caption's seed
        var random = new Random(unchecked((int)(seed.Value ^ (seed.Value >> 32))));
        var chosen = new List<HardNegative>(k);
        if (_swapShare is not { } share)
        {
            while (chosen.Count < k && TakeOne(all, random) is { } next)
            {
                chosen.Add(next);
            }
            return chosen;
        }
        List<HardNegative> swaps = [.. all.Where(n => n.Kind == NegativeKind.Swap)];
        List<HardNegative> replacements = [.. all.Where(n => n.Kind != NegativeKind.Swap)];
        while (chosen.Count < k)
        {
            bool swap = swaps.Count > 0 && (replacements.Count == 0 || random.NextDouble() < share);
#pragma warning restore CA5394
            if (TakeOne(swap ? swaps : replacements, random) is not { } next)
            {
                break;
            }
            chosen.Add(next);
        }
        return chosen;
    }

    /// <summary>Candidates asked for when filtering: more than any caption of a scene has.</summary>
    private const int AllCandidates = 64;

    /// <summary>
    /// Removes and returns the next negative of <paramref name="pool"/>: the first one, or with concept weights the first
    /// of a concept drawn by weight (concepts in ordinal order so the draw replays); null when the pool is spent.
    /// </summary>
    private HardNegative? TakeOne(List<HardNegative> pool, Random random)
    {
        if (pool.Count == 0)
        {
            return null;
        }
        int taken = 0;
        if (_conceptWeights is not null)
        {
            string[] concepts = [.. pool.Select(n => n.Concept).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
            double[] weights = [.. concepts.Select(c => _conceptWeights.TryGetValue(c, out double w) ? w : 1.0)];
            double total = weights.Sum();
            if (total <= 0)
            {
                return null;
            }
#pragma warning disable CA5394 // reproducibility, not secrecy
            double draw = random.NextDouble() * total;
#pragma warning restore CA5394
            int pick = 0;
            while (pick < concepts.Length - 1 && draw >= weights[pick])
            {
                draw -= weights[pick++];
            }
            taken = pool.FindIndex(n => string.Equals(n.Concept, concepts[pick], StringComparison.OrdinalIgnoreCase));
        }
        HardNegative negative = pool[taken];
        pool.RemoveAt(taken);
        return negative;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Negatives(string caption, string captionId, int epoch, int k) =>
        [.. Draw(caption, captionId, epoch, k).Select(n => n.Text)];
}
