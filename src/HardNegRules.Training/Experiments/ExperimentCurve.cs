using System.Text.Json;

namespace HardNegRules.Training.Experiments;

/// <summary>A run's training curve read back from its <c>metrics.jsonl</c>.</summary>
/// <param name="Arm">The run's arm.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Steps">Step numbers.</param>
/// <param name="Losses">The loss of each step (NaN where the file had null).</param>
public sealed record ExperimentCurve(string Arm, int Seed, double[] Steps, double[] Losses)
{
    /// <summary>Reads the curve of a run folder.</summary>
    /// <param name="arm">The run's arm.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="metricsPath">Its metrics.jsonl.</param>
    /// <returns>The curve (empty if the file is missing).</returns>
    public static ExperimentCurve Read(string arm, int seed, string metricsPath)
    {
        var steps = new List<double>();
        var losses = new List<double>();
        if (File.Exists(metricsPath))
        {
            foreach (string line in File.ReadLines(metricsPath).Where(l => l.Length > 0))
            {
                using JsonDocument record = JsonDocument.Parse(line);
                JsonElement loss = record.RootElement.GetProperty("loss");
                steps.Add(record.RootElement.GetProperty("step").GetInt32());
                losses.Add(loss.ValueKind == JsonValueKind.Number ? loss.GetDouble() : double.NaN);
            }
        }
        return new ExperimentCurve(arm, seed, [.. steps], [.. losses]);
    }
}
