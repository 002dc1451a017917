using System.Globalization;
using System.Text;
using HardNegRules.Training.Pipeline;
using HardNegRules.Training.Presets;

namespace HardNegRules.Cli.Commands;

/// <summary><c>report.md</c> of <c>hardneg experiment</c>: what was run (command, seeds), the table and the plots.</summary>
internal static class ExperimentMarkdown
{
    /// <summary>Renders the report.</summary>
    /// <param name="report">The measured runs.</param>
    /// <param name="preset">The preset of the hard-negative run (the plain run differs only in k).</param>
    /// <param name="command">The exact command line.</param>
    /// <param name="pngs">The plot files, relative to the report.</param>
    /// <param name="plotProblem">Why there are no PNG plots, if there are none.</param>
    /// <returns>Markdown text.</returns>
    public static string Render(ExperimentReport report, Preset preset, string command, IReadOnlyList<string> pngs, string? plotProblem)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Experiment: plain CLIP vs hard-negative CLIP ({report.Preset})\n\n");
        md.Append("Command:\n\n```sh\n").Append(command).Append("\n```\n\n");
        md.Append(CultureInfo.InvariantCulture,
            $"Seeds: training {preset.Schedule.Seed}, world {preset.Data.Seed}, evaluation negatives {preset.Evaluation.Seed}. ");
        if (preset.Schedule.PretrainSteps > 0)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"{preset.Schedule.PretrainSteps} steps of plain pre-training shared by both runs, then ");
        }
        md.Append(CultureInfo.InvariantCulture,
            $"{preset.Schedule.Steps} steps at batch {preset.Schedule.BatchSize}, lr {preset.Schedule.LearningRate.ToString(CultureInfo.InvariantCulture)}, ");
        md.Append(CultureInfo.InvariantCulture,
            $"{preset.Data.TrainScenes} training scenes x {preset.Data.CaptionsPerScene} captions, {preset.Data.TestScenes} test scenes; ");
        md.Append(CultureInfo.InvariantCulture, $"hard negatives: pack {preset.Rules.Pack}, mode {preset.Rules.Mode.ToString().ToLowerInvariant()}");
        if (preset.Rules.SwapShare is { } swapShare)
        {
            md.Append(CultureInfo.InvariantCulture, $", swap share {swapShare.ToString(CultureInfo.InvariantCulture)}");
        }
        if (preset.Rules.RankingWeight > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $", ranking weight {preset.Rules.RankingWeight.ToString(CultureInfo.InvariantCulture)}");
        }
        md.Append(".\n\n");

        md.Append("| test | concept |");
        foreach (ExperimentRun run in report.Runs)
        {
            md.Append(CultureInfo.InvariantCulture, $" {run.Name} (k={run.K}) |");
        }
        md.Append(report.Runs.Count == 2 ? " difference |\n" : "\n");
        md.Append("|---|---|").Append(string.Concat(Enumerable.Repeat("---:|", report.Runs.Count + (report.Runs.Count == 2 ? 1 : 0)))).Append('\n');
        foreach ((string test, string concept, Func<ConceptWorldMetrics, double?> value) in EvalTable.Rows())
        {
            md.Append(CultureInfo.InvariantCulture, $"| {test} | {concept} |");
            foreach (ExperimentRun run in report.Runs)
            {
                md.Append(' ').Append(EvalTable.Percent(value(run.Metrics))).Append(" |");
            }
            if (report.Runs.Count == 2)
            {
                double? a = value(report.Runs[0].Metrics), b = value(report.Runs[1].Metrics);
                md.Append(' ').Append(a is { } x && b is { } y ? (100 * (y - x)).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "-").Append(" |");
            }
            md.Append('\n');
        }
        md.Append("\nPercent. image_pair: the caption scores higher with its image than with a twin where one object's value is ")
            .Append("replaced (binding: two objects swap a value, so a bag of words cannot pass). text_ranking: the true caption ")
            .Append("outscores each rule-made negative of the concept (binding: swap negatives). Pairs have chance 50%.\n\n");
        md.Append("Training time: ").Append(string.Join(", ", report.Runs.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.Name} {r.TrainSeconds:0} s")))).Append(".\n\n");
        foreach (string png in pngs)
        {
            md.Append(CultureInfo.InvariantCulture, $"![{Path.GetFileNameWithoutExtension(png)}]({png})\n\n");
        }
        if (plotProblem is not null)
        {
            md.Append(plotProblem).Append("\n\n");
        }
        return md.ToString();
    }
}
