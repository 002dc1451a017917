using System.Globalization;
using HardNegRules.Training.Evaluation.ConceptWorld;
using Spectre.Console;

namespace HardNegRules.Cli.Commands;

/// <summary>Concept-world metrics of one or more runs as a Spectre.Console table (percentages).</summary>
internal static class EvalTable
{
    /// <summary>A table with a row per test and concept, a column per run.</summary>
    /// <param name="runs">(run name, metrics) pairs.</param>
    /// <returns>The table.</returns>
    public static Table Build(IReadOnlyList<(string Name, ConceptWorldMetrics Metrics)> runs)
    {
        var table = new Table().AddColumn("test").AddColumn("concept");
        foreach ((string name, _) in runs)
        {
            table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        }
        foreach ((string key, string concept, Func<ConceptWorldMetrics, double?> value) in Rows())
        {
            table.AddRow([key, concept, .. runs.Select(r => Percent(value(r.Metrics)))]);
        }
        return table;
    }

    /// <summary>Every row of the table: test key, concept, and how to read it from the metrics.</summary>
    /// <returns>The rows, in report order.</returns>
    public static IEnumerable<(string Test, string Concept, Func<ConceptWorldMetrics, double?> Value)> Rows()
    {
        string[] tests = ["image_pair", "image_pair_binding", "text_ranking", "text_ranking_binding"];
        foreach (string test in tests)
        {
            foreach (string concept in ConceptScores.ConceptNames.Append("mean"))
            {
                yield return (test, concept, m => m.ConceptTests().First(t => t.Key == test).Scores[concept]);
            }
        }
        yield return ("retrieval", "i2t_r1", m => m.Retrieval.ImageToTextR1);
        yield return ("retrieval", "i2t_r5", m => m.Retrieval.ImageToTextR5);
        yield return ("retrieval", "t2i_r1", m => m.Retrieval.TextToImageR1);
        yield return ("retrieval", "t2i_r5", m => m.Retrieval.TextToImageR5);
    }

    /// <summary>A fraction as a percentage with one decimal, or "-" when absent.</summary>
    /// <param name="value">The fraction.</param>
    /// <returns>The text.</returns>
    public static string Percent(double? value) =>
        value is { } v ? (100 * v).ToString("0.0", CultureInfo.InvariantCulture) : "-";
}
