using HardNegRules.Data.Captions;

namespace HardNegRules.Quality;

/// <summary>
/// Measures a rule pack on real captions: for each concept on its own, the share of captions its rules make a negative
/// for, and every negative run through the automated checks of <see cref="NegativeInspector"/>.
/// </summary>
public static class RuleQualityReport
{
    /// <summary>
    /// The report of <c>hardneg rules report</c>: the pack's negatives of a captions file (plain text, JSONL or COCO
    /// captions JSON), judged against the pack's rule files read again: those of <paramref name="rulesDirectory"/>, or
    /// those the compiled packs were built from.
    /// </summary>
    /// <param name="permuter">The permuter of the pack under test.</param>
    /// <param name="rulesDirectory">The rules folder the permuter was read from; null for the compiled packs.</param>
    /// <param name="pack">The pack's name.</param>
    /// <param name="captionsFile">The captions.</param>
    /// <param name="onError">Receives each unreadable record (which is skipped).</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="k">The most negatives per caption and concept (at least 1 is made).</param>
    /// <returns>The report.</returns>
    public static QualityReport RunOnFile(IPermuter permuter, string? rulesDirectory, string pack, string captionsFile, Action<CaptionReadError> onError,
        ulong seed, int k)
    {
        ArgumentNullException.ThrowIfNull(permuter);
        RuleVocabulary vocabulary = RuleVocabulary.LoadPack(rulesDirectory, pack);
        IEnumerable<(string Id, string Caption)> captions = CaptionFileReader.Read(captionsFile, onError).Select(r => (r.Id, r.Caption));
        return Run(permuter, vocabulary, captions, seed, Math.Max(1, k));
    }

    /// <summary>Makes up to <paramref name="k"/> negatives per caption and concept, and checks each.</summary>
    /// <param name="permuter">The permuter of the pack under test (generated or interpreted).</param>
    /// <param name="vocabulary">The same pack's rule files, read independently (<see cref="RuleVocabulary.LoadPack"/>).</param>
    /// <param name="captions">The captions with stable ids (the seed of each caption derives from its id).</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="k">The most negatives per caption and concept.</param>
    /// <param name="examplesPerKind">How many examples of each kind of defect to keep.</param>
    /// <returns>The report.</returns>
    public static QualityReport Run(IPermuter permuter, RuleVocabulary vocabulary, IEnumerable<(string Id, string Caption)> captions,
        ulong seed, int k, int examplesPerKind = 5)
    {
        ArgumentNullException.ThrowIfNull(permuter);
        ArgumentNullException.ThrowIfNull(captions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var inspector = new NegativeInspector(vocabulary);
        int conceptCount = permuter.Concepts.Count;
        var covered = new int[conceptCount];
        var negatives = new int[conceptCount];
        var swaps = new int[conceptCount];
        var counts = Enum.GetValues<DefectKind>().ToDictionary(kind => kind, _ => 0);
        var examples = new List<QualityDefect>();
        int captionCount = 0;
        foreach ((string id, string caption) in captions)
        {
            captionCount++;
            NegativeSeed captionSeed = NegativeSeed.For(seed, id, 0);
            for (int concept = 0; concept < conceptCount; concept++)
            {
                // One concept at a time, so that a frequent concept does not hide the coverage of a rare one.
                IReadOnlyList<HardNegative> made = permuter.Permute(caption, k, captionSeed, 1UL << concept);
                covered[concept] += made.Count > 0 ? 1 : 0;
                negatives[concept] += made.Count;
                foreach (HardNegative negative in made)
                {
                    swaps[concept] += negative.Kind == NegativeKind.Swap ? 1 : 0;
                    foreach (QualityDefect defect in inspector.Inspect(id, caption, negative))
                    {
                        if (counts[defect.Kind]++ < examplesPerKind)
                        {
                            examples.Add(defect);
                        }
                    }
                }
            }
        }

        var coverage = permuter.Concepts.Select((name, i) => new ConceptCoverage(name, covered[i], captionCount, negatives[i], swaps[i])).ToList();
        return new QualityReport(permuter.Pack, captionCount, negatives.Sum(), coverage, counts, examples);
    }
}
