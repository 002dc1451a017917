using HardNegRules.Training.Evaluation.Winoground;

namespace HardNegRules.Training.Evaluation.InpaintCoco;

/// <summary>
/// InpaintCOCO results (the JSON of <c>hardneg eval --suite inpaintcoco</c>): per concept that was inpainted (color,
/// object, size, then any other the files name) and over all items.
/// </summary>
/// <param name="Concepts">One entry per concept.</param>
/// <param name="Overall">All items together.</param>
/// <param name="MeanOverConcepts">The unweighted mean of the concepts' image-pair accuracy; null if none has items.</param>
public sealed record InpaintCocoReport(
    IReadOnlyList<ImagePairScores> Concepts,
    ImagePairScores Overall,
    double? MeanOverConcepts)
{
    /// <summary>The concepts InpaintCOCO changes, in the paper's order.</summary>
    public static IReadOnlyList<string> PaperConcepts { get; } = ["color", "object", "size"];

    /// <summary>Scores the items, grouped by their concept.</summary>
    /// <param name="items">Scored items (concept = the inpainted concept; caption and image 0 the COCO original).</param>
    /// <param name="skipped">Items not scored per concept (an image unreadable); null for none.</param>
    /// <returns>The report.</returns>
    public static InpaintCocoReport From(IEnumerable<WinogroundItem> items, IReadOnlyDictionary<string, int>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        skipped ??= new Dictionary<string, int>();
        List<WinogroundItem> all = [.. items];
        ILookup<string, WinogroundItem> byConcept = all.ToLookup(i => i.Concept, StringComparer.Ordinal);
        IEnumerable<string> others = byConcept.Select(g => g.Key).Concat(skipped.Keys)
            .Where(c => !PaperConcepts.Contains(c, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        ImagePairScores[] concepts = [.. PaperConcepts.Concat(others)
            .Select(c => ImagePairScores.Of(c, [.. byConcept[c]], skipped.GetValueOrDefault(c)))];
        double[] present = [.. concepts.Where(c => c.ImagePair.HasValue).Select(c => c.ImagePair!.Value)];
        return new InpaintCocoReport(concepts, ImagePairScores.Of("overall", all, skipped.Values.Sum()),
            present.Length > 0 ? present.Average() : null);
    }

    /// <summary>The report as table rows.</summary>
    /// <returns>Per concept and overall: original caption, edited caption, image pair, text, group.</returns>
    public IReadOnlyList<EvaluationRow> Rows()
    {
        var rows = new List<EvaluationRow>();
        foreach (ImagePairScores scores in Concepts.Append(Overall))
        {
            rows.Add(new("inpaintcoco", scores.Group, "image_pair", scores.Evaluated, scores.ImagePair));
            rows.Add(new("inpaintcoco", scores.Group, "original_caption", scores.Evaluated, scores.OriginalCaption));
            rows.Add(new("inpaintcoco", scores.Group, "inpainted_caption", scores.Evaluated, scores.EditedCaption));
            rows.Add(new("inpaintcoco", scores.Group, "text", scores.Evaluated, scores.Text));
            rows.Add(new("inpaintcoco", scores.Group, "group", scores.Evaluated, scores.Group4));
        }
        rows.Add(new("inpaintcoco", "mean of concepts", "image_pair", null, MeanOverConcepts));
        return rows;
    }
}
