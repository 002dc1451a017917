using System.Globalization;

namespace HardNegRules.Training.Benchmarks;

/// <summary>Throughput and memory measured by <see cref="TrainingBenchmark.Run"/>.</summary>
/// <param name="Options">What was measured.</param>
/// <param name="WindowSeconds">Wall time of each timed window of <see cref="BenchmarkOptions.MeasuredSteps"/> steps,
/// in the order they ran.</param>
/// <param name="ParameterCount">Trainable scalars of the model.</param>
/// <param name="TorchThreads">Torch intra-op threads used.</param>
/// <param name="Memory">Resident memory over the run.</param>
public sealed record BenchmarkResult(BenchmarkOptions Options, IReadOnlyList<double> WindowSeconds,
    long ParameterCount, int TorchThreads, MemoryProfile Memory)
{
    /// <summary>Optimizer (or forward+backward) steps per second in the fastest window: on a shared machine the best
    /// estimate of the step's own cost.</summary>
    public double StepsPerSecond => Options.MeasuredSteps / WindowSeconds.Min();

    /// <summary>Steps per second in the median window (the upper median for an even count).</summary>
    public double MedianStepsPerSecond
    {
        get
        {
            double[] rates = WindowSeconds.Select(seconds => Options.MeasuredSteps / seconds).Order().ToArray();
            return rates[rates.Length / 2];
        }
    }

    /// <summary>Image-caption pairs per second in the fastest window (hard negatives not counted).</summary>
    public double SamplesPerSecond => StepsPerSecond * Options.BatchSize;

    /// <summary>Wall time of one step in the fastest window, in milliseconds.</summary>
    public double MillisecondsPerStep => 1000 / StepsPerSecond;

    /// <summary>Wall time of one step in the median window, in milliseconds.</summary>
    public double MedianMillisecondsPerStep => 1000 / MedianStepsPerSecond;

    /// <summary>Process CPU time of each timed window (all threads), in the order they ran; empty if not measured.</summary>
    public IReadOnlyList<double> WindowCpuSeconds { get; init; } = [];

    /// <summary>CPU milliseconds per step in the median window by CPU time (NaN if not measured): the work of a step,
    /// much less sensitive to other processes than the wall time.</summary>
    public double CpuMillisecondsPerStep => WindowCpuSeconds.Count == 0
        ? double.NaN
        : 1000 * WindowCpuSeconds.Order().ElementAt(WindowCpuSeconds.Count / 2) / Options.MeasuredSteps;

    /// <summary>One line for logs and the <c>hardneg bench</c> output.</summary>
    /// <returns>The figures, invariant culture.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Options.Scope} batch {Options.BatchSize} k {Options.NegativesPerCaption} ({Options.Mode}): " +
        $"{StepsPerSecond:F2} steps/s, {SamplesPerSecond:F1} samples/s, {MillisecondsPerStep:F0} ms/step " +
        $"(best of {Options.Windows} x {Options.MeasuredSteps} steps; median {MedianStepsPerSecond:F2} steps/s, " +
        $"{MedianMillisecondsPerStep:F0} ms/step; {CpuMillisecondsPerStep:F0} CPU ms/step), {ParameterCount:N0} " +
        $"parameters, {TorchThreads} threads");
}
