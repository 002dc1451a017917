using System.Text.Json;

namespace HardNegRules.Cli.Commands;

/// <summary>A run's training curve read back from its <c>metrics.jsonl</c>.</summary>
/// <param name="Name">The run's name.</param>
/// <param name="Steps">Step numbers.</param>
/// <param name="Losses">The loss of each step (NaN where the file had null).</param>
internal sealed record ExperimentCurve(string Name, double[] Steps, double[] Losses)
{
    /// <summary>Reads the curve of a run folder.</summary>
    /// <param name="name">The run's name.</param>
    /// <param name="metricsPath">Its metrics.jsonl.</param>
    /// <returns>The curve (empty if the file is missing).</returns>
    public static ExperimentCurve Read(string name, string metricsPath)
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
        return new ExperimentCurve(name, [.. steps], [.. losses]);
    }
}
