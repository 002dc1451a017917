using HardNegRules.Training.Evaluation.ConceptWorld;
using ScottPlot;

namespace HardNegRules.Training.Experiments;

/// <summary>
/// The experiment's figures: training curves, each test's accuracy per concept and arm (mean over seeds, error bars one
/// sd), and each arm's difference from plain on the key metrics (mean, error bars one sd, dots per seed). The numbers
/// are also in the CSVs, so a machine where the plotting library's native renderer cannot load still has them.
/// </summary>
internal static class ExperimentPlots
{
    public const string CurvesFile = "training-loss.png";
    public const string DifferencesFile = "differences.png";
    public const string AlphaSweepFile = "alpha-sweep.png";

    private static readonly string[] KeyMetrics =
    [
        "image_pair_binding color+shape", "image_pair_binding size", "image_pair_binding location", "text_ranking_binding color+shape",
        "image_pair mean", "text_ranking mean", "retrieval i2t_r5", "retrieval t2i_r5",
    ];

    public static (IReadOnlyList<string> Pngs, string? Problem) Write(string directory, IReadOnlyList<ExperimentCurve> curves,
        ExperimentReport report)
    {
        try
        {
            var files = new List<string> { CurvesFile };
            PlotCurves(Path.Combine(directory, CurvesFile), curves);
            if (report.Differences.Count > 0)
            {
                PlotDifferences(Path.Combine(directory, DifferencesFile), report);
                files.Add(DifferencesFile);
            }
            if (report.AlphaSweep.Count > 0)
            {
                PlotAlphaSweep(Path.Combine(directory, AlphaSweepFile), report);
                files.Add(AlphaSweepFile);
            }
            foreach (string test in new[] { "image_pair", "image_pair_binding", "text_ranking", "text_ranking_binding" })
            {
                string file = $"concepts-{test}.png";
                PlotConcepts(Path.Combine(directory, file), test, report);
                files.Add(file);
            }
            return (files, null);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            return ([], $"PNG plots could not be rendered here ({e.GetType().Name}: {e.Message}); the numbers are in the CSV files.");
        }
    }

    private static void PlotCurves(string path, IReadOnlyList<ExperimentCurve> curves)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        string[] arms = [.. curves.Select(c => c.Arm).Distinct()];
        foreach (ExperimentCurve curve in curves)
        {
            var line = plot.Add.ScatterLine(curve.Steps, curve.Losses);
            line.Color = palette.GetColor(Array.IndexOf(arms, curve.Arm));
            line.LegendText = $"{curve.Arm} (seed {curve.Seed})";
        }
        plot.Title("Training loss (append mode adds negative columns and a ranking term, so levels differ by construction)");
        plot.XLabel("step");
        plot.YLabel("loss");
        plot.ShowLegend();
        plot.SavePng(path, 1000, 550);
    }

    private static void PlotConcepts(string path, string test, ExperimentReport report)
    {
        var plot = new Plot();
        string[] concepts = [.. ConceptScores.ConceptNames, "mean"];
        double width = 0.8 / report.Arms.Count;
        var palette = new ScottPlot.Palettes.Category10();
        for (int a = 0; a < report.Arms.Count; a++)
        {
            string arm = report.Arms[a];
            Bar[] bars = [.. concepts.Select((concept, c) =>
            {
                (double? mean, double? sd) = report.ArmMean(arm, "all", new ExperimentMetric(test, concept, m => m.ConceptTests().First(t => t.Key == test).Scores[concept]));
                return new Bar
                {
                    Position = c + ((a - ((report.Arms.Count - 1) / 2.0)) * width),
                    Value = mean ?? 0,
                    Error = sd ?? 0,
                    Size = width,
                    FillColor = palette.GetColor(a),
                };
            })];
            plot.Add.Bars(bars);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = arm, FillColor = palette.GetColor(a) });
        }
        plot.Axes.Bottom.SetTicks([.. concepts.Select((_, c) => (double)c)], concepts);
        plot.Axes.SetLimitsY(0, 105);
        plot.Add.HorizontalLine(50, 1, Colors.Gray, LinePattern.Dashed);
        plot.Title($"{test}: accuracy (%) per concept, mean over {report.Seeds.Count} seed(s), error bars one sd (dashed: chance for pairs)");
        plot.ShowLegend();
        plot.SavePng(path, 900, 480);
    }

    private static void PlotAlphaSweep(string path, ExperimentReport report)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        double[] alphas = [.. report.AlphaSweep.Select(p => p.Alpha).Distinct().Order()];
        (string Label, Func<ExperimentAlphaPoint, double?> Value)[] series =
        [
            ("binding image pairs (color+shape)", p => p.ImagePairBinding),
            ("binding text ranking (color+shape)", p => p.TextRankingBinding),
            ("i2t R@5", p => p.ImageToTextR5),
            ("t2i R@5", p => p.TextToImageR5),
        ];
        for (int k = 0; k < series.Length; k++)
        {
            double[] means = [.. alphas.Select(alpha => ExperimentDifference.MeanSd(
                [.. report.AlphaSweep.Where(p => p.Alpha == alpha).Select(series[k].Value).Where(v => v.HasValue).Select(v => 100 * v!.Value)]).Mean ?? double.NaN)];
            var line = plot.Add.Scatter(alphas, means);
            line.Color = palette.GetColor(k);
            line.LegendText = series[k].Label;
        }
        plot.Title($"Weight averaging plain -> negatives (alpha 0 = plain, 1 = negatives), mean over {report.Seeds.Count} seed(s)");
        plot.XLabel("alpha");
        plot.YLabel("percent");
        plot.ShowLegend();
        plot.SavePng(path, 900, 480);
    }

    private static void PlotDifferences(string path, ExperimentReport report)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        string[] arms = [.. report.Arms.Where(a => a != "plain")];
        double width = 0.8 / Math.Max(1, arms.Length);
        for (int a = 0; a < arms.Length; a++)
        {
            var bars = new List<Bar>();
            for (int k = 0; k < KeyMetrics.Length; k++)
            {
                ExperimentDifference? d = report.Differences.FirstOrDefault(x => x.Arm == arms[a] && x.Split == "all" && $"{x.Test} {x.Concept}" == KeyMetrics[k]);
                double x = k + ((a - ((arms.Length - 1) / 2.0)) * width);
                bars.Add(new Bar { Position = x, Value = d?.MeanPoints ?? 0, Error = d?.SdPoints ?? 0, Size = width, FillColor = palette.GetColor(a + 1) });
                double[] perSeed = [.. (d?.PerSeedPoints.Values ?? []).Where(v => v.HasValue).Select(v => v!.Value)];
                if (perSeed.Length > 0)
                {
                    var dots = plot.Add.ScatterPoints([.. perSeed.Select(_ => x)], perSeed);
                    dots.Color = Colors.Black;
                    dots.MarkerSize = 4;
                }
            }
            plot.Add.Bars(bars);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{arms[a]} - plain", FillColor = palette.GetColor(a + 1) });
        }
        plot.Axes.Bottom.SetTicks([.. KeyMetrics.Select((_, k) => (double)k)], [.. KeyMetrics.Select(m => m.Replace(' ', '\n'))]);
        plot.Axes.Bottom.MinimumSize = 60;
        plot.Add.HorizontalLine(0, 1, Colors.Gray);
        plot.Title($"Difference from plain CLIP (points): mean over {report.Seeds.Count} seed(s), error bars one sd, dots per seed");
        plot.ShowLegend();
        plot.SavePng(path, 1200, 520);
    }
}
