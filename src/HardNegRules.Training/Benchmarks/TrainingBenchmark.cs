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
            : TimeForwardBackward(model, options, memory);
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

    private static WindowTimer TimeForwardBackward(ClipModel model, BenchmarkOptions options, MemoryRecorder memory)
    {
        int batch = options.BatchSize;
        int negatives = batch * options.NegativesPerCaption;
        int size = options.Model.Vision.ImageSize;
        TextTowerOptions text = options.Model.Text;
        var loss = new HardNegativeLoss(options.Mode);
        int[] counts = Enumerable.Repeat(options.NegativesPerCaption, batch).ToArray();
        model.train();

        // Caption-length token rows (not 77 random ids): the text tower's cost depends on where captions end.
        var data = new SyntheticBenchmarkData(0, size, text.VocabularySize, seed: 1);
        var ids = new long[(batch + negatives) * text.ContextLength];
        for (int row = 0; row < batch + negatives; row++)
        {
            long[] caption = data.Tokenize($"caption {row}");
            caption.CopyTo(ids, row * text.ContextLength);
        }
        using Tensor images = torch.randn(batch, 3, size, size);
        using Tensor tokens = torch.tensor(ids, [batch + negatives, text.ContextLength]);
        var timer = new WindowTimer();
        int totalSteps = options.TotalSteps;
        memory.Started();
        for (int step = 0; step < totalSteps; step++)
        {
            if (step >= options.WarmupSteps && (step - options.WarmupSteps) % options.MeasuredSteps == 0)
            {
                timer.Boundary();
            }
            using (torch.NewDisposeScope())
            {
                Tensor imageEmbeddings = model.EncodeImage(images);
                Tensor textEmbeddings = model.EncodeText(tokens);
                Tensor negativeEmbeddings = textEmbeddings.narrow(0, batch, negatives);
#pragma warning disable CA5394 // the column choice only has to be some choice
                Tensor value = loss.Compute(imageEmbeddings, textEmbeddings.narrow(0, 0, batch),
                    negatives > 0 ? negativeEmbeddings : null, counts, model.LogitScale(), new Random(step));
#pragma warning restore CA5394
                value.backward();
                model.zero_grad();
            }
            memory.StepCompleted(step + 1);
        }
        timer.Boundary();
        return timer;
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
