using System.Diagnostics;
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
    /// <see cref="BenchmarkOptions.MeasuredSteps"/> steps.</summary>
    /// <param name="options">Model, batch size, k and scope.</param>
    /// <returns>The measured throughput.</returns>
    public static BenchmarkResult Run(BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.NegativesPerCaption);
        ArgumentOutOfRangeException.ThrowIfNegative(options.WarmupSteps);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MeasuredSteps, 1);

        TorchSetup.Initialize(options.Threads);
        using var model = new ClipModel(options.Model, seed: 1);
        double seconds = options.Scope == BenchmarkScope.TrainingStep
            ? TimeTrainingSteps(model, options)
            : TimeForwardBackward(model, options);
        double stepsPerSecond = options.MeasuredSteps / seconds;
        return new BenchmarkResult(options, stepsPerSecond, stepsPerSecond * options.BatchSize, model.ParameterCount,
            torch.get_num_threads());
    }

    private static double TimeTrainingSteps(ClipModel model, BenchmarkOptions options)
    {
        // Enough distinct pairs for a few batches, so the worker really reads and tokenises.
        var data = new SyntheticBenchmarkData(options.BatchSize * 4, options.Model.Vision.ImageSize,
            options.Model.Text.VocabularySize, seed: 1);
        var clock = new StepClock(options.WarmupSteps);
        var trainerOptions = new TrainerOptions
        {
            TotalSteps = options.WarmupSteps + options.MeasuredSteps,
            BatchSize = options.BatchSize,
            WarmupSteps = 1,
            LearningRate = 1e-4,
            NegativesPerCaption = options.NegativesPerCaption,
            NegativeMode = options.Mode,
            Threads = options.Threads,
        };
        using var trainer = new Trainer(model, trainerOptions, data, data.Tokenize, data, clock);
        clock.Start();
        trainer.Train();
        return clock.MeasuredSeconds;
    }

    private static double TimeForwardBackward(ClipModel model, BenchmarkOptions options)
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
        var watch = new Stopwatch();
        for (int step = 0; step < options.WarmupSteps + options.MeasuredSteps; step++)
        {
            if (step == options.WarmupSteps)
            {
                watch.Start();
            }
            using DisposeScope scope = torch.NewDisposeScope();
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
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Starts timing when the warmup steps are done; progress is reported on the training thread.</summary>
    private sealed class StepClock(int warmupSteps) : IProgress<TrainingProgress>
    {
        private readonly Stopwatch watch = new();
        private TimeSpan warmupEnd;

        public double MeasuredSeconds => (watch.Elapsed - warmupEnd).TotalSeconds;

        public void Start() => watch.Start();

        public void Report(TrainingProgress value)
        {
            if (value.Step == warmupSteps)
            {
                warmupEnd = watch.Elapsed;
            }
            if (value.Step == value.TotalSteps)
            {
                watch.Stop();
            }
        }
    }
}
