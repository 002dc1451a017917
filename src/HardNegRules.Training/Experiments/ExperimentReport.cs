using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HardNegRules.Training.Evaluation;
using HardNegRules.Training.Evaluation.ConceptWorld;
using HardNegRules.Training.Evaluation.Probes;

namespace HardNegRules.Training.Experiments;

/// <summary>
/// <c>report.json</c> of an experiment: the setup, every run's metrics (all test scenes, and apart those with seen and
/// with held-out color-shape pairs), and each arm's difference from plain CLIP as mean and sd over seeds and per seed.
/// </summary>
/// <param name="Preset">The preset's name.</param>
/// <param name="Seeds">The training seeds.</param>
/// <param name="Arms">The arm names, plain first.</param>
/// <param name="PretrainSteps">Shared plain pre-training steps per seed (0: from scratch).</param>
/// <param name="Steps">Training steps of each arm.</param>
/// <param name="BatchSize">Pairs per step.</param>
/// <param name="WallSeconds">Wall-clock time of the whole experiment (world, training, evaluation, files).</param>
/// <param name="Headline">The headline difference: binding image pairs, color and shape.</param>
/// <param name="Runs">Every run, seed-major.</param>
/// <param name="Differences">Every arm but plain against plain, per split and metric.</param>
/// <param name="AlphaSweep">Weight averages between each seed's plain and negatives models (empty when not run).</param>
public sealed record ExperimentReport(
    string Preset,
    IReadOnlyList<int> Seeds,
    IReadOnlyList<string> Arms,
    int PretrainSteps,
    int Steps,
    int BatchSize,
    double WallSeconds,
    IReadOnlyList<ExperimentDifference> Headline,
    IReadOnlyList<ExperimentRunResult> Runs,
    IReadOnlyList<ExperimentDifference> Differences,
    IReadOnlyList<ExperimentAlphaPoint> AlphaSweep)
{
    /// <summary>The test-scene splits: all, scenes with only seen color-shape pairs, scenes with a held-out pair.</summary>
    public static IReadOnlyList<string> Splits { get; } = ["all", "seen", "held_out"];

    /// <summary>How the report is written: <see cref="ReportJson.Options"/>.</summary>
    public static JsonSerializerOptions Json => ReportJson.Options;

    /// <summary>Every run's numbers on all test scenes: a row per test and concept, a column per run (percent).</summary>
    /// <returns>The table.</returns>
    public EvaluationTable Table() => EvaluationTable.ByRun(["test", "concept"], [.. Runs.Select(r => $"{r.Arm} seed {r.Seed}")],
        ExperimentMetric.All.Where(m => m.Concept != ExperimentMetric.ColorShape)
            .Select(m => ((IReadOnlyList<string>)[m.Test, m.Concept], (IReadOnlyList<double?>)[.. Runs.Select(r => m.Value(r.Metrics))])));

    /// <summary>Builds the report from finished runs.</summary>
    /// <param name="plan">The plan that ran.</param>
    /// <param name="runs">Its runs.</param>
    /// <param name="wallSeconds">Wall-clock time so far.</param>
    /// <param name="alphaSweep">The weight-averaging sweep's points, if it ran.</param>
    /// <returns>The report.</returns>
    public static ExperimentReport Create(ExperimentPlan plan, IReadOnlyList<ExperimentRunResult> runs, double wallSeconds,
        IReadOnlyList<ExperimentAlphaPoint>? alphaSweep = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(runs);
        string[] arms = [.. plan.Arms.Select(ExperimentArms.NameOf)];
        var differences = new List<ExperimentDifference>();
        if (arms.Contains("plain"))
        {
            foreach (string arm in arms.Where(a => a != "plain"))
            {
                foreach (string split in Splits)
                {
                    differences.AddRange(ExperimentMetric.All.Select(m => ExperimentDifference.Of(arm, split, m, runs, plan.Seeds)));
                }
            }
        }
        return new ExperimentReport(plan.Preset.Name, plan.Seeds, arms, plan.PretrainSteps, plan.Preset.Schedule.Steps,
            plan.Preset.Schedule.BatchSize, Math.Round(wallSeconds, 1),
            [.. differences.Where(d => d.Split == "all" && d.Test == ExperimentMetric.Headline.Test && d.Concept == ExperimentMetric.Headline.Concept)],
            runs, differences, alphaSweep ?? []);
    }

    /// <summary>The headline differences as lines of text, one per arm compared with plain.</summary>
    /// <returns>E.g. "negatives - plain, binding image pairs (color and shape): +3.1 points +- 0.4 over 3 seed(s)".</returns>
    public IEnumerable<string> HeadlineLines() => Headline.Select(h => FormattableString.Invariant(
        $"{h.Arm} - plain, binding image pairs (color and shape): {h.MeanPoints:+0.0;-0.0;0.0} points{(h.SdPoints is { } sd ? FormattableString.Invariant($" +- {sd:0.0}") : string.Empty)} over {Seeds.Count} seed(s)"));

    /// <summary>The run of an arm and seed, if it ran.</summary>
    /// <param name="arm">The arm name.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The run or null.</returns>
    public ExperimentRunResult? RunOf(string arm, int seed) => Runs.FirstOrDefault(r => r.Arm == arm && r.Seed == seed);

    /// <summary>Mean and sd over seeds of one arm's metric on a split, in points.</summary>
    /// <param name="arm">The arm name.</param>
    /// <param name="split">all, seen or held_out.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>(mean, sd); sd null with one seed; mean null when no run has the value.</returns>
    public (double? Mean, double? Sd) ArmMean(string arm, string split, ExperimentMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        double[] values = [.. Runs.Where(r => r.Arm == arm).Select(r => r.Of(split) is { } m ? metric.Value(m) : null)
            .Where(v => v.HasValue).Select(v => 100 * v!.Value)];
        return ExperimentDifference.MeanSd(values);
    }
}

/// <summary>One trained and evaluated run.</summary>
/// <param name="Arm">plain, negatives or twins.</param>
/// <param name="Seed">The training seed.</param>
/// <param name="K">Text hard negatives per caption.</param>
/// <param name="TrainSeconds">Wall-clock training time.</param>
/// <param name="Metrics">Metrics on all test scenes.</param>
/// <param name="Seen">Metrics on test scenes whose color-shape pairs were all seen in training (null if none).</param>
/// <param name="HeldOut">Metrics on test scenes with a color-shape pair training never showed (null if none).</param>
/// <param name="Probes">Linear binding probes on the model's frozen image and text embeddings (null if not run).</param>
public sealed record ExperimentRunResult(
    string Arm,
    int Seed,
    int K,
    double TrainSeconds,
    ConceptWorldMetrics Metrics,
    [property: JsonPropertyName("metrics_seen")] ConceptWorldMetrics? Seen,
    [property: JsonPropertyName("metrics_held_out")] ConceptWorldMetrics? HeldOut,
    BindingProbeResult? Probes = null)
{
    /// <summary>The metrics of a split.</summary>
    /// <param name="split">all, seen or held_out.</param>
    /// <returns>The metrics or null.</returns>
    public ConceptWorldMetrics? Of(string split) => split switch
    {
        "all" => Metrics,
        "seen" => Seen,
        "held_out" => HeldOut,
        _ => throw new ArgumentException($"Unknown split '{split}'.", nameof(split)),
    };
}

/// <summary>An arm's difference from plain CLIP on one metric, in percentage points: per seed, and mean and sample
/// sd over seeds.</summary>
/// <param name="Arm">The arm compared with plain.</param>
/// <param name="Split">all, seen or held_out.</param>
/// <param name="Test">The test.</param>
/// <param name="Concept">The concept or recall.</param>
/// <param name="MeanPoints">Mean difference over seeds (null when no seed has both values).</param>
/// <param name="SdPoints">Sample standard deviation over seeds (null with fewer than two seeds).</param>
/// <param name="PerSeedPoints">The difference of each seed, by seed.</param>
public sealed record ExperimentDifference(
    string Arm,
    string Split,
    string Test,
    string Concept,
    double? MeanPoints,
    double? SdPoints,
    IReadOnlyDictionary<string, double?> PerSeedPoints)
{
    /// <summary>The difference of <paramref name="arm"/> from plain on a metric.</summary>
    /// <param name="arm">The arm.</param>
    /// <param name="split">The split.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="runs">All runs.</param>
    /// <param name="seeds">The seeds, in report order.</param>
    /// <returns>The difference.</returns>
    public static ExperimentDifference Of(string arm, string split, ExperimentMetric metric, IReadOnlyList<ExperimentRunResult> runs,
        IReadOnlyList<int> seeds)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(seeds);
        var perSeed = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (int seed in seeds)
        {
            double? plain = Value(runs, "plain", seed, split, metric), other = Value(runs, arm, seed, split, metric);
            perSeed[seed.ToString(CultureInfo.InvariantCulture)] = plain is { } p && other is { } o ? Math.Round(100 * (o - p), 2) : null;
        }
        (double? mean, double? sd) = MeanSd([.. perSeed.Values.Where(v => v.HasValue).Select(v => v!.Value)]);
        return new ExperimentDifference(arm, split, metric.Test, metric.Concept, mean, sd, perSeed);
    }

    /// <summary>Mean and sample sd, rounded to 0.01.</summary>
    /// <param name="values">The values.</param>
    /// <returns>(mean, sd): mean null when empty, sd null with fewer than two values.</returns>
    public static (double? Mean, double? Sd) MeanSd(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return (null, null);
        }
        double mean = values.Average();
        double? sd = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : null;
        return (Math.Round(mean, 2), sd is { } s ? Math.Round(s, 2) : null);
    }

    private static double? Value(IReadOnlyList<ExperimentRunResult> runs, string arm, int seed, string split, ExperimentMetric metric) =>
        runs.FirstOrDefault(r => r.Arm == arm && r.Seed == seed)?.Of(split) is { } m ? metric.Value(m) : null;
}
