using System.Text.Json;
using System.Text.Json.Serialization;

namespace HardNegRules.Training.Benchmarks;

/// <summary>
/// A benchmark run as JSON (what <c>hardneg bench --out</c> writes): the configuration, throughput of the best and the
/// median window, every window, resident memory and the machine. Times in milliseconds, memory in MiB.
/// </summary>
/// <param name="Model">The model's name as given on the command line.</param>
/// <param name="Parameters">Trainable scalars.</param>
/// <param name="Scope">What a step includes.</param>
/// <param name="Mode">How hard negatives enter the loss.</param>
/// <param name="Batch">Image-caption pairs per step.</param>
/// <param name="K">Hard negatives per caption.</param>
/// <param name="Threads">Torch intra-op threads.</param>
/// <param name="WarmupSteps">Untimed steps before the first window.</param>
/// <param name="Steps">Timed steps (all windows).</param>
/// <param name="Window">Steps per timed window.</param>
/// <param name="StepsPerSecond">Steps per second in the fastest window.</param>
/// <param name="SamplesPerSecond">Image-caption pairs per second in the fastest window.</param>
/// <param name="MsPerStepBest">Milliseconds per step in the fastest window.</param>
/// <param name="MsPerStepMedian">Milliseconds per step in the median window.</param>
/// <param name="WindowMsPerStep">Milliseconds per step of each window, in the order they ran.</param>
/// <param name="CpuMsPerStepMedian">Process CPU milliseconds per step (all threads) in the median window by CPU time.</param>
/// <param name="WindowCpuMsPerStep">Process CPU milliseconds per step of each window, in the order they ran.</param>
/// <param name="Memory">Resident memory over the run.</param>
/// <param name="Machine">Where and when it ran.</param>
public sealed record BenchmarkReport(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("parameters")] long Parameters,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("batch")] int Batch,
    [property: JsonPropertyName("k")] int K,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("warmup_steps")] int WarmupSteps,
    [property: JsonPropertyName("steps")] int Steps,
    [property: JsonPropertyName("window")] int Window,
    [property: JsonPropertyName("steps_per_second")] double StepsPerSecond,
    [property: JsonPropertyName("samples_per_second")] double SamplesPerSecond,
    [property: JsonPropertyName("ms_per_step_best")] double MsPerStepBest,
    [property: JsonPropertyName("ms_per_step_median")] double MsPerStepMedian,
    [property: JsonPropertyName("window_ms_per_step")] IReadOnlyList<double> WindowMsPerStep,
    [property: JsonPropertyName("cpu_ms_per_step_median")] double CpuMsPerStepMedian,
    [property: JsonPropertyName("window_cpu_ms_per_step")] IReadOnlyList<double> WindowCpuMsPerStep,
    [property: JsonPropertyName("rss")] RssReport Memory,
    [property: JsonPropertyName("machine")] BenchmarkMachine Machine)
{
    /// <summary>Indented output; key names from the attributes.</summary>
    public static JsonSerializerOptions Json { get; } = new() { WriteIndented = true };

    /// <summary>Flattens a result for JSON.</summary>
    /// <param name="model">The model's name.</param>
    /// <param name="result">The measured run.</param>
    /// <param name="machine">Where it ran.</param>
    /// <returns>The report.</returns>
    public static BenchmarkReport From(string model, BenchmarkResult result, BenchmarkMachine machine)
    {
        ArgumentNullException.ThrowIfNull(result);
        BenchmarkOptions options = result.Options;
        return new BenchmarkReport(model, result.ParameterCount, options.Scope.ToString(), options.Mode.ToString(),
            options.BatchSize, options.NegativesPerCaption, result.TorchThreads, options.WarmupSteps,
            options.MeasuredSteps * options.Windows, options.MeasuredSteps, result.StepsPerSecond,
            result.SamplesPerSecond, result.MillisecondsPerStep, result.MedianMillisecondsPerStep,
            result.WindowSeconds.Select(seconds => 1000 * seconds / options.MeasuredSteps).ToArray(),
            result.CpuMillisecondsPerStep,
            result.WindowCpuSeconds.Select(seconds => 1000 * seconds / options.MeasuredSteps).ToArray(),
            RssReport.From(result.Memory), machine);
    }
}
