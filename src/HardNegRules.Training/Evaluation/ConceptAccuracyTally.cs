namespace HardNegRules.Training.Evaluation;

/// <summary>Counts right and wrong choices per concept and turns them into a <see cref="ConceptAccuracyReport"/>.</summary>
internal sealed class ConceptAccuracyTally
{
    private readonly SortedDictionary<string, (int Count, int Correct)> _byConcept = new(StringComparer.Ordinal);

    /// <summary>The report of <paramref name="items"/>: each item's concept, and whether it was answered right.</summary>
    /// <exception cref="ArgumentException">There are no items.</exception>
    public static ConceptAccuracyReport Of<TItem>(IEnumerable<TItem> items, Func<TItem, string> concept, Func<TItem, bool> isRight)
    {
        ArgumentNullException.ThrowIfNull(items);
        var tally = new ConceptAccuracyTally();
        foreach (TItem item in items)
        {
            tally.Add(concept(item), isRight(item));
        }
        return tally.ToReport();
    }

    private void Add(string concept, bool correct)
    {
        ArgumentNullException.ThrowIfNull(concept);
        _byConcept.TryGetValue(concept, out var counts);
        _byConcept[concept] = (counts.Count + 1, counts.Correct + (correct ? 1 : 0));
    }

    /// <exception cref="ArgumentException">No item was added: there is no accuracy to report.</exception>
    private ConceptAccuracyReport ToReport()
    {
        if (_byConcept.Count == 0)
        {
            throw new ArgumentException("There are no items to evaluate.");
        }

        var concepts = _byConcept
            .Select(entry => new ConceptAccuracy(entry.Key, entry.Value.Count, entry.Value.Correct, (double)entry.Value.Correct / entry.Value.Count))
            .ToList();
        var count = concepts.Sum(concept => concept.Count);
        var correct = concepts.Sum(concept => concept.Correct);
        return new ConceptAccuracyReport(concepts, concepts.Average(concept => concept.Accuracy), (double)correct / count, count);
    }
}
