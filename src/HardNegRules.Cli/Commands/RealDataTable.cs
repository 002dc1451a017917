using System.Globalization;
using HardNegRules.Training.Pipeline;
using Spectre.Console;

namespace HardNegRules.Cli.Commands;

/// <summary>Real-data metrics (retrieval and concept ranking on held-out pairs) as a Spectre.Console table.</summary>
internal static class RealDataTable
{
    /// <summary>One line saying what was evaluated.</summary>
    public static string Summary(RealDataMetrics metrics) => string.Create(CultureInfo.InvariantCulture,
        $"{metrics.Source}: {metrics.Images} held-out images with {metrics.Captions} captions ({metrics.HeldOut}); {metrics.SkippedImages} images skipped (unreadable).");

    public static Table Build(string name, RealDataMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var table = new Table()
            .AddColumn("test").AddColumn("measure").AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        RetrievalRecall r = metrics.Retrieval;
        foreach ((string measure, double value) in new[]
        {
            ("i2t_r1", r.ImageToTextR1), ("i2t_r5", r.ImageToTextR5), ("i2t_r10", r.ImageToTextR10),
            ("t2i_r1", r.TextToImageR1), ("t2i_r5", r.TextToImageR5), ("t2i_r10", r.TextToImageR10),
        })
        {
            table.AddRow("retrieval", measure, EvalTable.Percent(value));
        }
        foreach ((string concept, ConceptRankingEntry entry) in metrics.TextRanking.Concepts)
        {
            table.AddRow("text_ranking", Markup.Escape($"{concept} ({entry.Items} items)"), EvalTable.Percent(entry.Accuracy));
        }
        table.AddRow("text_ranking", "mean", EvalTable.Percent(metrics.TextRanking.Mean));
        return table;
    }
}
