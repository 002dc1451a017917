namespace HardNegRules.Training.Evaluation.Winoground;

/// <summary>Winoground's text, image and group scores (Thrush et al. 2022), per concept.</summary>
/// <remarks>
/// With s(c, i) the score of caption c and image i:
/// text = s(c0, i0) &gt; s(c1, i0) and s(c1, i1) &gt; s(c0, i1) (each image prefers its own caption);
/// image = s(c0, i0) &gt; s(c0, i1) and s(c1, i1) &gt; s(c1, i0) (each caption prefers its own image);
/// group = text and image. Comparisons are strict: ties and NaN count as failures, so a model that scores everything
/// alike gets 0 rather than credit.
/// </remarks>
public static class WinogroundMetrics
{
    /// <summary>Evaluates the items, grouped by concept.</summary>
    /// <exception cref="ArgumentException">There are no items.</exception>
    public static WinogroundReport Evaluate(IEnumerable<WinogroundItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var byConcept = new SortedDictionary<string, List<WinogroundItem>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item);
            if (!byConcept.TryGetValue(item.Concept, out var conceptItems))
            {
                conceptItems = [];
                byConcept.Add(item.Concept, conceptItems);
            }

            conceptItems.Add(item);
        }

        if (byConcept.Count == 0)
        {
            throw new ArgumentException("There are no items to evaluate.", nameof(items));
        }

        var concepts = byConcept.Select(entry => new WinogroundConceptResult(entry.Key, entry.Value.Count, Score(entry.Value))).ToList();
        var mean = new WinogroundScores(
            concepts.Average(concept => concept.Scores.Text),
            concepts.Average(concept => concept.Scores.Image),
            concepts.Average(concept => concept.Scores.Group));
        var all = byConcept.Values.SelectMany(conceptItems => conceptItems).ToList();
        return new WinogroundReport(concepts, mean, Score(all), all.Count);
    }

    /// <summary>Whether each image scores its own caption strictly higher than the other caption.</summary>
    public static bool IsTextCorrect(WinogroundItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Caption0Image0 > item.Caption1Image0 && item.Caption1Image1 > item.Caption0Image1;
    }

    /// <summary>Whether each caption scores its own image strictly higher than the other image.</summary>
    public static bool IsImageCorrect(WinogroundItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Caption0Image0 > item.Caption0Image1 && item.Caption1Image1 > item.Caption1Image0;
    }

    private static WinogroundScores Score(List<WinogroundItem> items)
    {
        int text = 0, image = 0, group = 0;
        foreach (var item in items)
        {
            var textCorrect = IsTextCorrect(item);
            var imageCorrect = IsImageCorrect(item);
            text += textCorrect ? 1 : 0;
            image += imageCorrect ? 1 : 0;
            group += textCorrect && imageCorrect ? 1 : 0;
        }

        double count = items.Count;
        return new WinogroundScores(text / count, image / count, group / count);
    }
}
