using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HardNegRules.Training.Evaluation;

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
    string Model,
    long Parameters,
    string Scope,
    string Mode,
    int Batch,
    int K,
    int Threads,
    int WarmupSteps,
    int Steps,
    int Window,
    double StepsPerSecond,
    double SamplesPerSecond,
    double MsPerStepBest,
    double MsPerStepMedian,
    IReadOnlyList<double> WindowMsPerStep,
    double CpuMsPerStepMedian,
    IReadOnlyList<double> WindowCpuMsPerStep,
    [property: JsonPropertyName("rss")] RssReport Memory,
    BenchmarkMachine Machine)
{
    /// <summary>How the report is written: <see cref="ReportJson.Options"/>.</summary>
    public static JsonSerializerOptions Json => ReportJson.Options;

    /// <summary>Runs a benchmark and reports it with the machine it ran on.</summary>
    /// <param name="model">The model's name (see <see cref="BenchmarkChoices.Models"/>).</param>
    /// <param name="options">What to measure.</param>
    /// <returns>The report.</returns>
    public static BenchmarkReport Measure(string model, BenchmarkOptions options) =>
        From(model, TrainingBenchmark.Run(options), BenchmarkMachine.Current());

    /// <summary>The report as the lines <c>hardneg bench</c> prints: throughput, windows, CPU time, memory, machine load.</summary>
    /// <returns>The text.</returns>
    public string ToText()
    {
        string load = string.Join(" ", Machine.LoadAverage.Select(l => l.ToString("0.00", CultureInfo.InvariantCulture)));
        static string Numbers(IEnumerable<double> values) => string.Join(" ", values.Select(v => v.ToString("0", CultureInfo.InvariantCulture)));
        return string.Create(CultureInfo.InvariantCulture,
            $"""
            {Model} ({Parameters:N0} parameters), {Scope}, batch {Batch}, k {K} ({Mode}), {Threads} threads
            best window:   {StepsPerSecond:0.00} steps/s  {SamplesPerSecond:0.0} samples/s  {MsPerStepBest:0.0} ms/step
            median window: {1000 / MsPerStepMedian:0.00} steps/s  {1000 * Batch / MsPerStepMedian:0.0} samples/s  {MsPerStepMedian:0.0} ms/step
            windows ({Window} steps, ms/step): {Numbers(WindowMsPerStep)}
            CPU time (all threads): {CpuMsPerStepMedian:0.0} ms/step in the median window; windows: {Numbers(WindowCpuMsPerStep)}
            RSS MiB: before model {Memory.BeforeModelMb:0}, start {Memory.StartMb:0}, after warm-up {Memory.AfterWarmupMb:0}, end {Memory.EndMb:0}, max {Memory.MaxMb:0}; slope after warm-up {Memory.SlopeMbPer1000Steps:0.0} MiB/1000 steps
            RSS samples (step:MiB): {string.Join(" ", Memory.Samples.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Step}:{s.Mb:0}")))}
            load average {load} on {Machine.Processors} processors, {Machine.DateUtc:yyyy-MM-dd HH:mm} UTC
            """);
    }

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
