using HardNegRules.Training.Loss;
using HardNegRules.Training.Model;
using HardNegRules.Training.Setup;
using HardNegRules.Training.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace HardNegRules.Training.Benchmarks;

/// <summary>Measures training throughput (steps/s, samples/s) of a model configuration on synthetic data.</summary>
public static class TrainingBenchmark
{
    /// <summary>Builds the model, runs <see cref="BenchmarkOptions.WarmupSteps"/> untimed steps, then times
    /// <see cref="BenchmarkOptions.Windows"/> windows of <see cref="BenchmarkOptions.MeasuredSteps"/> steps.</summary>
    /// <param name="options">Model, batch size, k and scope.</param>
    /// <returns>The measured throughput.</returns>
    public static BenchmarkResult Run(BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.NegativesPerCaption);
        ArgumentOutOfRangeException.ThrowIfNegative(options.WarmupSteps);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MeasuredSteps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Windows, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MemorySampleEvery);

        TorchSetup.Initialize(options.Threads);
        var memory = new MemoryRecorder(options.WarmupSteps, options.TotalSteps, options.MemorySampleEvery);
        using var model = new ClipModel(options.Model, seed: 1);
        WindowTimer timer = options.Scope == BenchmarkScope.TrainingStep
            ? TimeTrainingSteps(model, options, memory)
            : FixedBatchBenchmark.Time(model, options, memory);
        return new BenchmarkResult(options, timer.WallSeconds, model.ParameterCount, torch.get_num_threads(),
            memory.Profile())
        {
            WindowCpuSeconds = timer.CpuSeconds,
        };
    }

    private static WindowTimer TimeTrainingSteps(ClipModel model, BenchmarkOptions options, MemoryRecorder memory)
    {
        // Enough distinct pairs for a few batches, so the worker really reads and tokenises.
        var data = new SyntheticBenchmarkData(options.BatchSize * 4, options.Model.Vision.ImageSize,
            options.Model.Text.VocabularySize, seed: 1);
        var clock = new StepClock(options.WarmupSteps, options.MeasuredSteps, memory);
        var trainerOptions = new TrainerOptions
        {
            TotalSteps = options.TotalSteps,
            BatchSize = options.BatchSize,
            WarmupSteps = 1,
            LearningRate = 1e-4,
            NegativesPerCaption = options.NegativesPerCaption,
            NegativeMode = options.Mode,
            Threads = options.Threads,
        };
        using var trainer = new Trainer(model, trainerOptions, data, data.Tokenize, data, clock);
        memory.Started();
        clock.Start();
        trainer.Train();
        return clock.Timer;
    }

    /// <summary>Times each window of steps after the warmup and samples memory; progress is reported on the training
    /// thread, after the step's dispose scope has closed.</summary>
    private sealed class StepClock(int warmupSteps, int stepsPerWindow, MemoryRecorder memory)
        : IProgress<TrainingProgress>
    {
        public WindowTimer Timer { get; } = new();

        /// <summary>Opens the first window now when there is no warm-up to wait for.</summary>
        public void Start()
        {
            if (warmupSteps == 0)
            {
                Timer.Boundary();
            }
        }

        public void Report(TrainingProgress value)
        {
            memory.StepCompleted(value.Step);
            int sinceWarmup = value.Step - warmupSteps;
            if (sinceWarmup >= 0 && sinceWarmup % stepsPerWindow == 0)
            {
                Timer.Boundary();
            }
        }
    }
}
