using System.Globalization;
using System.Text;
using HardNegRules.Training.Evaluation.Probes;
using HardNegRules.Training.Presets;

namespace HardNegRules.Training.Experiments;

/// <summary><c>report.md</c> of an experiment: what was run, the headline, the table with seeds, held-out pairs, plots.</summary>
internal static class ExperimentMarkdown
{
    private static readonly string[] HeldOutRows =
        ["image_pair_binding color+shape", "text_ranking_binding color+shape", "image_pair mean", "text_ranking mean", "retrieval i2t_r5", "retrieval t2i_r5"];

    public static string Render(ExperimentReport report, ExperimentPlan plan, IReadOnlyList<string> pngs, string? plotProblem)
    {
        Preset preset = plan.Preset;
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Experiment: {string.Join(" vs ", report.Arms)} ({report.Preset})\n\n");
        md.Append("Command:\n\n```sh\n").Append(plan.Command).Append("\n```\n\n");
        if (!string.IsNullOrWhiteSpace(preset.Description))
        {
            md.Append("Preset: ").Append(preset.Description).Append("\n\n");
        }
        md.Append(CultureInfo.InvariantCulture,
            $"Seeds: training {string.Join(", ", report.Seeds)} (every arm once per seed), world {preset.Data.Seed}, evaluation negatives {preset.Evaluation.Seed}. ");
        md.Append(report.PretrainSteps > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{report.PretrainSteps} steps of plain pre-training per seed shared by the arms, then ")
            : "Every arm from scratch: ");
        md.Append(CultureInfo.InvariantCulture,
            $"{report.Steps} steps at batch {report.BatchSize}, lr {preset.Schedule.LearningRate.ToString(CultureInfo.InvariantCulture)}. ");
        md.Append(CultureInfo.InvariantCulture,
            $"World: {preset.Data.TrainScenes} training scenes x {preset.Data.CaptionsPerScene} captions, {preset.Data.TestScenes} test scenes, {preset.Data.ImageSize} px, ");
        md.Append(preset.Data.MinObjects == preset.Data.MaxObjects
            ? string.Create(CultureInfo.InvariantCulture, $"{preset.Data.MinObjects} objects per scene, ")
            : string.Create(CultureInfo.InvariantCulture, $"{preset.Data.MinObjects}-{preset.Data.MaxObjects} objects per scene, "));
        md.Append(preset.Data.CompleteCaptions
            ? string.Create(CultureInfo.InvariantCulture, $"complete captions (every object with color and shape; sizes in {preset.Data.SizeMentionShare:0.##} of them)")
            : "captions that may name a subset of the objects");
        md.Append(CultureInfo.InvariantCulture, $", {preset.Data.PositionalCaptionShare:0.##} of captions positional. ");
        md.Append(CultureInfo.InvariantCulture, $"Negatives arm: pack {preset.Rules.Pack}, k = {preset.Rules.K}, mode {preset.Rules.Mode.ToString().ToLowerInvariant()}");
        if (preset.Rules.SwapShare is { } swapShare)
        {
            md.Append(CultureInfo.InvariantCulture, $", swap share {swapShare.ToString(CultureInfo.InvariantCulture)}");
        }
        if (preset.Rules.CheckWorld)
        {
            md.Append(", negatives true of the scene dropped");
        }
        if (preset.Rules.SeenPairsOnly)
        {
            md.Append(", negatives naming a color-shape pair no training image shows dropped");
        }
        if (preset.Rules.RankingWeight > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $", ranking weight {preset.Rules.RankingWeight.ToString(CultureInfo.InvariantCulture)}");
        }
        md.Append(". Twins arm (when run): half of each batch are scenes, half their binding twins with their captions, plain loss.\n\n");

        foreach (ExperimentDifference headline in report.Headline)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"**Headline ({headline.Arm} - plain, binding image pairs, color and shape): {Signed(headline.MeanPoints)}{Sd(headline.SdPoints)} points** ");
            md.Append("(per seed: ").Append(string.Join(", ", headline.PerSeedPoints.Select(p => $"{p.Key}: {Signed(p.Value)}"))).Append(").\n\n");
        }
        if (report.Seeds.Count == 1)
        {
            md.Append("One seed: a difference of a few points is within the noise of one run (about 3 points for 300-400 twins per concept).\n\n");
        }

        md.Append("## All test scenes\n\nPercent; arms as mean +- sd over seeds; differences in points.\n\n");
        string[] others = [.. report.Arms.Where(a => a != "plain")];
        md.Append("| test | concept |");
        foreach (string arm in report.Arms)
        {
            md.Append(CultureInfo.InvariantCulture, $" {arm} |");
        }
        foreach (string arm in others)
        {
            md.Append(CultureInfo.InvariantCulture, $" {arm} - plain | per seed |");
        }
        md.Append("\n|---|---|").Append(string.Concat(Enumerable.Repeat("---:|", report.Arms.Count + (2 * others.Length)))).Append('\n');
        foreach (ExperimentMetric metric in ExperimentMetric.All)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {metric.Test} | {metric.Concept} |");
            foreach (string arm in report.Arms)
            {
                (double? mean, double? sd) = report.ArmMean(arm, "all", metric);
                md.Append(' ').Append(Plain(mean)).Append(Sd(sd)).Append(" |");
            }
            foreach (string arm in others)
            {
                ExperimentDifference? d = report.Differences.FirstOrDefault(x => x.Arm == arm && x.Split == "all" && x.Test == metric.Test && x.Concept == metric.Concept);
                md.Append(' ').Append(Signed(d?.MeanPoints)).Append(Sd(d?.SdPoints)).Append(" | ")
                    .Append(d is null ? "-" : string.Join(" / ", d.PerSeedPoints.Values.Select(Signed))).Append(" |");
            }
            md.Append('\n');
        }
        md.Append("\nimage_pair: the caption scores higher with its image than with a twin where one object's value is replaced ")
            .Append("(binding: two objects swap a value, so a bag of words cannot pass). text_ranking: the true caption outscores ")
            .Append("each rule-made negative of the concept (binding: swap negatives). Pairs have chance 50%. color+shape: the mean ")
            .Append("of the color and shape columns. Retrieval: recall@k over the test images and their captions.\n\n");

        md.Append("## Seen and held-out color-shape pairs\n\nTest scenes whose color-shape pairs all occur in training (seen) ")
            .Append("and scenes with a pair training never showed (held out). Percent, mean +- sd over seeds.\n\n| metric |");
        foreach (string split in new[] { "seen", "held_out" })
        {
            foreach (string arm in report.Arms)
            {
                md.Append(CultureInfo.InvariantCulture, $" {arm} ({split}) |");
            }
        }
        md.Append("\n|---|").Append(string.Concat(Enumerable.Repeat("---:|", 2 * report.Arms.Count))).Append('\n');
        foreach (ExperimentMetric metric in ExperimentMetric.All.Where(m => HeldOutRows.Contains(m.Key)))
        {
            md.Append(CultureInfo.InvariantCulture, $"| {metric.Key} |");
            foreach (string split in new[] { "seen", "held_out" })
            {
                foreach (string arm in report.Arms)
                {
                    (double? mean, double? sd) = report.ArmMean(arm, split, metric);
                    md.Append(' ').Append(Plain(mean)).Append(Sd(sd)).Append(" |");
                }
            }
            md.Append('\n');
        }

        AppendProbes(md, report);
        AppendAlphaSweep(md, report);
        md.Append("\n## Time\n\nTraining time per run: ").Append(string.Join(", ", report.Runs.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"seed {r.Seed} {r.Arm} {r.TrainSeconds:0} s")))).Append(". ");
        md.Append(CultureInfo.InvariantCulture, $"Whole experiment (world, training, evaluation): {report.WallSeconds:0} s.\n\n");
        foreach (string png in pngs)
        {
            md.Append(CultureInfo.InvariantCulture, $"![{Path.GetFileNameWithoutExtension(png)}]({png})\n\n");
        }
        if (plotProblem is not null)
        {
            md.Append(plotProblem).Append("\n\n");
        }
        md.Append("Numbers: report.json, concepts.csv (every run), differences.csv, training-loss.csv.\n");
        return md.ToString();
    }

    private static void AppendProbes(StringBuilder md, ExperimentReport report)
    {
        if (!report.Runs.Any(r => r.Probes is not null))
        {
            return;
        }
        md.Append("\n## Which tower holds binding (linear probes)\n\nA linear probe per tower, fitted on frozen embeddings of ")
            .Append("training scenes (image) or of captions naming every object with color and shape (text) to predict which ")
            .Append("color-shape pairs a scene holds, then asked which of two binding twins holds the pairs. Percent, chance 50, ")
            .Append("mean +- sd over seeds.\n\n| arm | image probe | text probe |\n|---|---:|---:|\n");
        foreach (string arm in report.Arms)
        {
            BindingProbeResult[] probes = [.. report.Runs.Where(r => r.Arm == arm && r.Probes is not null).Select(r => r.Probes!)];
            if (probes.Length == 0)
            {
                continue;
            }
            (double? image, double? imageSd) = ExperimentDifference.MeanSd([.. probes.Select(p => 100 * p.ImageAccuracy)]);
            (double? text, double? textSd) = ExperimentDifference.MeanSd([.. probes.Select(p => 100 * p.TextAccuracy)]);
            md.Append(CultureInfo.InvariantCulture, $"| {arm} | {Plain(image)}{Sd(imageSd)} | {Plain(text)}{Sd(textSd)} |\n");
        }
    }

    private static void AppendAlphaSweep(StringBuilder md, ExperimentReport report)
    {
        if (report.AlphaSweep.Count == 0)
        {
            return;
        }
        md.Append("\n## Weight averaging between the arms (WiSE-FT)\n\nEach seed's plain weights moved a share alpha of the way ")
            .Append("to its negatives weights (alpha 0 is plain, 1 the negatives arm; `hardneg merge --alpha` makes one). Percent, ")
            .Append("mean +- sd over seeds.\n\n| alpha | binding image pairs (color+shape) | binding text ranking (color+shape) | i2t R@5 | t2i R@5 |\n")
            .Append("|---:|---:|---:|---:|---:|\n");
        foreach (IGrouping<double, ExperimentAlphaPoint> alpha in report.AlphaSweep.GroupBy(p => p.Alpha).OrderBy(g => g.Key))
        {
            md.Append(CultureInfo.InvariantCulture, $"| {alpha.Key:0.##} |");
            foreach (Func<ExperimentAlphaPoint, double?> value in new Func<ExperimentAlphaPoint, double?>[]
                { p => p.ImagePairBinding, p => p.TextRankingBinding, p => p.ImageToTextR5, p => p.TextToImageR5 })
            {
                (double? mean, double? sd) = ExperimentDifference.MeanSd([.. alpha.Select(value).Where(v => v.HasValue).Select(v => 100 * v!.Value)]);
                md.Append(' ').Append(Plain(mean)).Append(Sd(sd)).Append(" |");
            }
            md.Append('\n');
        }
    }

    private static string Plain(double? points) => points?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-";

    private static string Signed(double? points) => points?.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) ?? "-";

    private static string Sd(double? sd) => sd is { } s ? string.Create(CultureInfo.InvariantCulture, $" +- {s:0.0}") : string.Empty;
}
