using HardNegRules.Training.Loss;
using HardNegRules.Training.Model;

namespace HardNegRules.Training.Benchmarks;

/// <summary>What <see cref="TrainingBenchmark.Run"/> measures.</summary>
/// <param name="Model">The architecture.</param>
/// <param name="BatchSize">Image-caption pairs per step.</param>
/// <param name="NegativesPerCaption">Hard negatives per caption (k); each adds a caption to the text tower's batch.</param>
/// <param name="Scope">Whole training step or forward+backward only.</param>
/// <param name="Mode">How negatives enter the loss.</param>
/// <param name="WarmupSteps">Steps run before timing (allocator and thread-pool warmup).</param>
/// <param name="MeasuredSteps">Steps timed per window.</param>
/// <param name="Windows">Timed windows of <paramref name="MeasuredSteps"/> steps each, run back to back. On a shared
/// machine other processes slow some windows down; the fastest window is the best estimate of the step's own cost.</param>
/// <param name="Threads">Torch threads; 0 means one per core.</param>
/// <param name="MemorySampleEvery">Sample the process's RSS every this many steps (warm-up included), so that a leak
/// shows as a slope; 0 samples only at the start, after the warm-up and at the end.</param>
public sealed record BenchmarkOptions(
    ClipModelOptions Model,
    int BatchSize,
    int NegativesPerCaption,
    BenchmarkScope Scope = BenchmarkScope.TrainingStep,
    HardNegativeMode Mode = HardNegativeMode.Append,
    int WarmupSteps = 3,
    int MeasuredSteps = 20,
    int Threads = 0,
    int Windows = 1,
    int MemorySampleEvery = 0)
{
    /// <summary>All steps of the run: the warm-up and every timed window.</summary>
    public int TotalSteps => WarmupSteps + MeasuredSteps * Windows;
}
