using System.Globalization;
using System.Text;

namespace HardNegRules.Training.Metrics;

/// <summary>
/// Appends one JSON object per step, e.g.
/// <c>{"step":12,"epoch":0,"loss":3.91,"lr":0.0004,"samples_per_s":812.5,"logit_scale":14.3,"grad_norm":1.7,"negatives":128}</c>.
/// Appending lets a resumed run continue the same file; each line is flushed so a crash loses at most one step.
/// </summary>
public sealed class JsonlMetricsWriter : IMetricsSink
{
    private readonly StreamWriter writer;

    /// <summary>Opens (or creates) the file for appending.</summary>
    /// <param name="path">The .jsonl file.</param>
    public JsonlMetricsWriter(string path)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        writer = new StreamWriter(path, append: true, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <inheritdoc />
    public void Write(StepMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        // Written by hand: fixed key order, invariant numbers, and NaN/inf as null (JSON has no such numbers).
        var line = new StringBuilder(160);
        line.Append("{\"step\":").Append(metrics.Step.ToString(CultureInfo.InvariantCulture))
            .Append(",\"epoch\":").Append(metrics.Epoch.ToString(CultureInfo.InvariantCulture))
            .Append(",\"loss\":").Append(Number(metrics.Loss))
            .Append(",\"lr\":").Append(Number(metrics.LearningRate))
            .Append(",\"samples_per_s\":").Append(Number(metrics.SamplesPerSecond))
            .Append(",\"logit_scale\":").Append(Number(metrics.LogitScale))
            .Append(",\"grad_norm\":").Append(Number(metrics.GradientNorm))
            .Append(",\"negatives\":").Append(metrics.Negatives.ToString(CultureInfo.InvariantCulture))
            .Append('}');
        writer.WriteLine(line.ToString());
        writer.Flush();
    }

    /// <inheritdoc />
    public void Dispose() => writer.Dispose();

    private static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "null";
}
