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
    private readonly IReadOnlyDictionary<string, double>? conceptWeights;

    /// <summary>Creates a source over <paramref name="permuter"/>.</summary>
    /// <param name="permuter">The rules that make the negatives.</param>
    /// <param name="runSeed">The run's seed.</param>
    /// <param name="concepts">The concepts negatives may change; null or empty for all of the pack's.</param>
    /// <param name="kind">Only negatives of this kind (replace or swap); null for both.</param>
    /// <param name="conceptWeights">Relative chance of each concept among a caption's negatives (unnamed concepts weigh
    /// 1); null or empty keeps the rule pack's own balance.</param>
    /// <exception cref="ArgumentException">A concept is not in the permuter's pack.</exception>
    public PermuterNegativeSource(IPermuter permuter, ulong runSeed, IEnumerable<string>? concepts = null,
        NegativeKind? kind = null, IReadOnlyDictionary<string, double>? conceptWeights = null)
    {
        ArgumentNullException.ThrowIfNull(permuter);
        this.permuter = permuter;
        this.runSeed = runSeed;
        this.kind = kind;
        conceptMask = ConceptMask.Of(permuter, concepts);
        if (conceptWeights is { Count: > 0 })
        {
            _ = ConceptMask.Of(permuter, conceptWeights.Keys); // names a concept the pack lacks: fail now, not mid-run
            this.conceptWeights = conceptWeights;
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
        NegativeSeed seed = NegativeSeed.For(runSeed, captionId, epoch);
        if (kind is null && conceptWeights is null)
        {
            return permuter.Permute(caption, k, seed, conceptMask);
        }
        // The permuter balances kinds and concepts itself; asking for every candidate and then choosing keeps its
        // seeded order within a concept.
        HardNegative[] all = [.. permuter.Permute(caption, AllCandidates, seed, conceptMask).Where(n => kind is null || n.Kind == kind)];
        return conceptWeights is null ? [.. all.Take(k)] : ChooseByWeight(all, k, seed);
    }

    /// <summary>Candidates asked for when filtering: more than any caption of a scene has.</summary>
    private const int AllCandidates = 64;

    private List<HardNegative> ChooseByWeight(HardNegative[] candidates, int k, NegativeSeed seed)
    {
        var queues = candidates.GroupBy(n => n.Concept, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => new Queue<HardNegative>(g), StringComparer.OrdinalIgnoreCase);
#pragma warning disable CA5394 // reproducibility, not secrecy: the choice must replay from the caption's seed
        var random = new Random(unchecked((int)(seed.Value ^ (seed.Value >> 32))));
        var chosen = new List<HardNegative>(k);
        while (chosen.Count < k && queues.Count > 0)
        {
            string[] concepts = [.. queues.Keys.Order(StringComparer.Ordinal)];
            double[] weights = [.. concepts.Select(c => conceptWeights!.TryGetValue(c, out double w) ? w : 1.0)];
            double total = weights.Sum();
            if (total <= 0)
            {
                break;
            }
            double draw = random.NextDouble() * total;
#pragma warning restore CA5394
            int pick = 0;
            while (pick < concepts.Length - 1 && draw >= weights[pick])
            {
                draw -= weights[pick++];
            }
            Queue<HardNegative> queue = queues[concepts[pick]];
            chosen.Add(queue.Dequeue());
            if (queue.Count == 0)
            {
                queues.Remove(concepts[pick]);
            }
        }
        return chosen;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Negatives(string caption, string captionId, int epoch, int k) =>
        [.. Draw(caption, captionId, epoch, k).Select(n => n.Text)];
}
