using System.Globalization;
using System.Text;
using HardNegRules.Training.Pipeline;
using ScottPlot;

namespace HardNegRules.Cli.Commands;

/// <summary>
/// The experiment's figures: training curves of both runs and per-concept bars of both runs side by side. The plot data
/// always goes to CSV as well, so a machine where the plotting library's native renderer cannot load still gets it.
/// </summary>
internal static class ExperimentPlots
{
    /// <summary>The training-curve figure's file name.</summary>
    public const string CurvesFile = "training-loss.png";

    /// <summary>Writes the curves and bars into <paramref name="directory"/>.</summary>
    /// <param name="directory">The experiment folder.</param>
    /// <param name="curves">Each run's training curve.</param>
    /// <param name="report">The metrics of each run.</param>
    /// <returns>The PNG files written (relative names), empty when PNG rendering was not possible, and a note why.</returns>
    public static (IReadOnlyList<string> Pngs, string? Problem) Write(string directory, IReadOnlyList<ExperimentCurve> curves,
        ExperimentReport report)
    {
        WriteCurvesCsv(Path.Combine(directory, "training-loss.csv"), curves);
        WriteConceptsCsv(Path.Combine(directory, "concepts.csv"), report);
        try
        {
            var files = new List<string> { CurvesFile };
            PlotCurves(Path.Combine(directory, CurvesFile), curves);
            foreach ((string key, _) in report.Runs[0].Metrics.ConceptTests())
            {
                string file = $"concepts-{key}.png";
                PlotConcepts(Path.Combine(directory, file), key, report);
                files.Add(file);
            }
            return (files, null);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            return ([], $"PNG plots could not be rendered here ({e.GetType().Name}: {e.Message}); the plot data is in training-loss.csv and concepts.csv.");
        }
    }

    private static void PlotCurves(string path, IReadOnlyList<ExperimentCurve> curves)
    {
        var plot = new Plot();
        foreach (ExperimentCurve curve in curves)
        {
            var line = plot.Add.ScatterLine(curve.Steps, curve.Losses);
            line.LegendText = curve.Name;
        }
        plot.Title("Training loss (append mode adds negative columns, so levels differ by construction)");
        plot.XLabel("step");
        plot.YLabel("loss");
        plot.ShowLegend();
        plot.SavePng(path, 900, 500);
    }

    private static void PlotConcepts(string path, string test, ExperimentReport report)
    {
        var plot = new Plot();
        string[] concepts = [.. ConceptScores.ConceptNames, "mean"];
        double width = 0.8 / report.Runs.Count;
        var palette = new ScottPlot.Palettes.Category10();
        for (int r = 0; r < report.Runs.Count; r++)
        {
            ConceptScores scores = report.Runs[r].Metrics.ConceptTests().First(t => t.Key == test).Scores;
            Bar[] bars = [.. concepts.Select((concept, c) => new Bar
            {
                Position = c + ((r - ((report.Runs.Count - 1) / 2.0)) * width),
                Value = scores[concept] ?? 0,
                Size = width,
                FillColor = palette.GetColor(r),
            })];
            plot.Add.Bars(bars);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = report.Runs[r].Name, FillColor = palette.GetColor(r) });
        }
        plot.Axes.Bottom.SetTicks([.. concepts.Select((_, c) => (double)c)], concepts);
        plot.Axes.SetLimitsY(0, 1.05);
        plot.Add.HorizontalLine(0.5, 1, Colors.Gray, LinePattern.Dashed);
        plot.Title($"{test} accuracy per concept (dashed: chance for pairs)");
        plot.ShowLegend();
        plot.SavePng(path, 800, 450);
    }

    private static void WriteCurvesCsv(string path, IReadOnlyList<ExperimentCurve> curves)
    {
        var csv = new StringBuilder("run,step,loss\n");
        foreach (ExperimentCurve curve in curves)
        {
            for (int i = 0; i < curve.Steps.Length; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{curve.Name},{curve.Steps[i]},{curve.Losses[i]:R}\n");
            }
        }
        File.WriteAllText(path, csv.ToString());
    }

    private static void WriteConceptsCsv(string path, ExperimentReport report)
    {
        var csv = new StringBuilder("test,concept");
        foreach (ExperimentRun run in report.Runs)
        {
            csv.Append(',').Append(run.Name);
        }
        csv.Append('\n');
        foreach ((string test, string concept, Func<ConceptWorldMetrics, double?> value) in EvalTable.Rows())
        {
            csv.Append(test).Append(',').Append(concept);
            foreach (ExperimentRun run in report.Runs)
            {
                csv.Append(',').Append(value(run.Metrics)?.ToString("0.####", CultureInfo.InvariantCulture) ?? string.Empty);
            }
            csv.Append('\n');
        }
        File.WriteAllText(path, csv.ToString());
    }
}
