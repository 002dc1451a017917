using System.Globalization;

namespace HardNegRules.Training.Benchmarks;

/// <summary>Throughput measured by <see cref="TrainingBenchmark.Run"/>.</summary>
/// <param name="Options">What was measured.</param>
/// <param name="StepsPerSecond">Optimizer (or forward+backward) steps per second in the fastest window.</param>
/// <param name="SamplesPerSecond">Image-caption pairs per second in the fastest window (negatives not counted).</param>
/// <param name="MedianStepsPerSecond">Steps per second in the median window.</param>
/// <param name="ParameterCount">Trainable scalars of the model.</param>
/// <param name="TorchThreads">Torch intra-op threads used.</param>
public sealed record BenchmarkResult(BenchmarkOptions Options, double StepsPerSecond, double SamplesPerSecond,
    double MedianStepsPerSecond, long ParameterCount, int TorchThreads)
{
    /// <summary>Mean wall time of one step in milliseconds.</summary>
    public double MillisecondsPerStep => 1000 / StepsPerSecond;

    /// <summary>One line for logs and the <c>hardneg bench</c> output.</summary>
    /// <returns>The figures, invariant culture.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Options.Scope} batch {Options.BatchSize} k {Options.NegativesPerCaption} ({Options.Mode}): " +
        $"{StepsPerSecond:F2} steps/s, {SamplesPerSecond:F1} samples/s, {MillisecondsPerStep:F0} ms/step " +
        $"(best of {Options.Windows} x {Options.MeasuredSteps} steps; median {MedianStepsPerSecond:F2} steps/s), " +
        $"{ParameterCount:N0} parameters, {TorchThreads} threads");
}
