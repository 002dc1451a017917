using System.Globalization;

namespace HardNegRules.Training.Evaluation;

/// <summary>Renders evaluation results as plain-text tables for logs and the console; fractions are shown as percentages.</summary>
public static class EvaluationTableRenderer
{
    /// <summary>A table with a row per retrieval direction and columns R@1, R@5, R@10.</summary>
    public static string Render(RetrievalResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = new PlainTextTable("direction", "queries", "R@1", "R@5", "R@10");
        AddRecallRow(table, "image->text", result.ImageToText);
        AddRecallRow(table, "text->image", result.TextToImage);
        return table.Render($"Retrieval ({Count(result.ImageCount)} images, {Count(result.CaptionCount)} captions), recall %");
    }

    /// <summary>A table with a row per concept, then the mean over concepts and the overall accuracy.</summary>
    /// <param name="report">The report to render.</param>
    /// <param name="title">What was measured, e.g. "Text-side concept ranking".</param>
    public static string Render(ConceptAccuracyReport report, string title)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new PlainTextTable("concept", "items", "correct", "accuracy %");
        foreach (var concept in report.Concepts)
        {
            table.AddRow(concept.Concept, Count(concept.Count), Count(concept.Correct), Percent(concept.Accuracy));
        }

        // The mean weighs concepts, not items, so an item count would mislead there.
        table.AddRow("mean", string.Empty, string.Empty, Percent(report.MeanOverConcepts));
        table.AddRow("overall", Count(report.Count), Count(report.Concepts.Sum(concept => concept.Correct)), Percent(report.Overall));
        return table.Render(title);
    }

    /// <summary>A table with a row per concept and columns text, image and group score, then the mean and overall rows.</summary>
    public static string Render(WinogroundReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new PlainTextTable("concept", "items", "text %", "image %", "group %");
        foreach (var concept in report.Concepts)
        {
            AddScoresRow(table, concept.Concept, Count(concept.Count), concept.Scores);
        }

        AddScoresRow(table, "mean", string.Empty, report.MeanOverConcepts);
        AddScoresRow(table, "overall", Count(report.Count), report.Overall);
        return table.Render("Winoground-style scores");
    }

    private static void AddRecallRow(PlainTextTable table, string direction, RecallAtK recall) =>
        table.AddRow(direction, Count(recall.Queries), Percent(recall.R1), Percent(recall.R5), Percent(recall.R10));

    private static void AddScoresRow(PlainTextTable table, string name, string count, WinogroundScores scores) =>
        table.AddRow(name, count, Percent(scores.Text), Percent(scores.Image), Percent(scores.Group));

    private static string Percent(double fraction) => (100 * fraction).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
