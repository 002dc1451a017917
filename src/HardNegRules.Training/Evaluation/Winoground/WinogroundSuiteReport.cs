namespace HardNegRules.Training.Evaluation.Winoground;

/// <summary>
/// Winoground results (the JSON of <c>hardneg eval --suite winoground</c>): text, image and group scores over all
/// examples and per value of each of the data set's tags.
/// </summary>
/// <param name="Evaluated">Examples scored.</param>
/// <param name="Skipped">Examples left out (an image missing or unreadable).</param>
/// <param name="Overall">The scores over all scored examples; null when none was scored.</param>
/// <param name="Groups">Per tag field (collapsed_tag, tag, secondary_tag, num_main_preds) and value.</param>
public sealed record WinogroundSuiteReport(
    int Evaluated,
    int Skipped,
    WinogroundScores? Overall,
    IReadOnlyList<WinogroundGroupScores> Groups)
{
    /// <summary>The tag fields results are grouped by, in report order.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["collapsed_tag", "tag", "secondary_tag", "num_main_preds"];

    /// <summary>Scores the examples.</summary>
    /// <param name="items">Per scored example: its value of each of <see cref="Fields"/> (in that order), and its scores.</param>
    /// <param name="skipped">Examples not scored.</param>
    /// <returns>The report.</returns>
    public static WinogroundSuiteReport From(IReadOnlyList<(IReadOnlyList<string> Tags, WinogroundItem Item)> items, int skipped)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return new WinogroundSuiteReport(0, skipped, null, []);
        }
        var groups = new List<WinogroundGroupScores>();
        for (int f = 0; f < Fields.Count; f++)
        {
            int field = f;
            WinogroundReport byValue = WinogroundMetrics.Evaluate(items.Select(i => i.Item with { Concept = i.Tags[field].Length > 0 ? i.Tags[field] : "none" }));
            groups.AddRange(byValue.Concepts.Select(c => new WinogroundGroupScores(Fields[field], c.Concept, c.Count, c.Scores)));
        }
        WinogroundReport all = WinogroundMetrics.Evaluate(items.Select(i => i.Item with { Concept = "all" }));
        return new WinogroundSuiteReport(items.Count, skipped, all.Overall, groups);
    }

    /// <summary>The report as table rows: overall, then per collapsed tag and secondary tag, text, image and group.</summary>
    /// <returns>The rows.</returns>
    public IReadOnlyList<EvaluationRow> Rows()
    {
        var rows = new List<EvaluationRow>();
        void Add(string group, int? count, WinogroundScores? scores)
        {
            rows.Add(new("winoground", group, "text", count, scores?.Text));
            rows.Add(new("winoground", group, "image", count, scores?.Image));
            rows.Add(new("winoground", group, "group", count, scores?.Group));
        }
        Add("overall", Evaluated, Overall);
        foreach (WinogroundGroupScores group in Groups.Where(g => g.Field is "collapsed_tag" or "secondary_tag" or "num_main_preds"))
        {
            Add($"{group.Field}={group.Value}", group.Count, group.Scores);
        }
        return rows;
    }
}

/// <summary>Winoground scores of the examples with one value of a tag field.</summary>
/// <param name="Field">The field (collapsed_tag, tag, secondary_tag, num_main_preds).</param>
/// <param name="Value">Its value ("none" when empty).</param>
/// <param name="Count">Examples with that value.</param>
/// <param name="Scores">Their text, image and group scores.</param>
public sealed record WinogroundGroupScores(
    string Field,
    string Value,
    int Count,
    WinogroundScores Scores);
