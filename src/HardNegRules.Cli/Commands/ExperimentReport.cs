using System.Text.Json;
using System.Text.Json.Serialization;
using HardNegRules.Training.Pipeline;

namespace HardNegRules.Cli.Commands;

/// <summary><c>report.json</c> of <c>hardneg experiment</c>: the preset and, per run, k, training time and metrics.</summary>
/// <param name="Preset">The preset's name.</param>
/// <param name="Runs">Plain CLIP first, then hard-negative CLIP.</param>
public sealed record ExperimentReport(
    [property: JsonPropertyName("preset")] string Preset,
    [property: JsonPropertyName("runs")] IReadOnlyList<ExperimentRun> Runs)
{
    /// <summary>How reports and metrics are written: indented, key names from the attributes.</summary>
    public static JsonSerializerOptions Json { get; } = new() { WriteIndented = true };
}

/// <summary>One run of the experiment.</summary>
/// <param name="Name"><c>plain</c> or <c>hard-negatives</c>.</param>
/// <param name="K">Hard negatives per caption.</param>
/// <param name="TrainSeconds">Wall-clock training time.</param>
/// <param name="Metrics">The test metrics.</param>
public sealed record ExperimentRun(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("k")] int K,
    [property: JsonPropertyName("train_seconds")] double TrainSeconds,
    [property: JsonPropertyName("metrics")] ConceptWorldMetrics Metrics);
