using System.Globalization;
using System.Text;
using HardNegRules.Data.IO;

namespace HardNegRules.Training.Metrics;

/// <summary>
/// Appends one JSON object per step, e.g.
/// <c>{"step":12,"epoch":0,"loss":3.91,"lr":0.0004,"samples_per_s":812.5,"logit_scale":14.3,"grad_norm":1.7,"negatives":128}</c>.
/// Appending lets a resumed run continue the same file; each line is flushed so a crash loses at most one step.
/// </summary>
public sealed class JsonlMetricsWriter : IMetricsSink
{
    private readonly StreamWriter _writer;

    /// <summary>Opens (or creates) the file for appending.</summary>
    /// <param name="path">The .jsonl file.</param>
    public JsonlMetricsWriter(string path)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        _writer = new StreamWriter(path, append: true, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
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
        _writer.WriteLine(line.ToString());
        _writer.Flush();
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    /// <summary>
    /// Cuts a metrics file back to the steps up to <paramref name="step"/>: a run resumed from a checkpoint at that
    /// step writes the later steps again, so their old lines (and a line cut off by a kill) must go. The file is
    /// replaced atomically.
    /// </summary>
    /// <param name="path">The .jsonl file; nothing happens when it does not exist.</param>
    /// <param name="step">The checkpoint's step.</param>
    /// <returns>How many lines were removed.</returns>
    public static int TruncateAfterStep(string path, int step)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return 0;
        }
        string[] lines = File.ReadAllLines(path);
        int total = lines.Length;
        var kept = new List<string>();
        foreach (string line in lines)
        {
            // Lines are written in step order; the first line past the step, or not whole, ends what is kept.
            if (StepOf(line) is not { } lineStep || lineStep > step)
            {
                break;
            }
            kept.Add(line);
        }
        if (kept.Count == total)
        {
            return 0;
        }
        AtomicFile.Write(path, stream =>
        {
            using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
            foreach (string line in kept)
            {
                text.WriteLine(line);
            }
        });
        return total - kept.Count;
    }

    private static int? StepOf(string line)
    {
        try
        {
            using var record = System.Text.Json.JsonDocument.Parse(line);
            return record.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && record.RootElement.TryGetProperty("step", out System.Text.Json.JsonElement step)
                && step.TryGetInt32(out int value)
                    ? value
                    : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "null";
}
