using System.Diagnostics;
using HardNegRules.Data.ConceptWorld.CaptionWriting;
using HardNegRules.Training.Checkpoints;
using HardNegRules.Training.Datasets;
using HardNegRules.Training.Loss;
using HardNegRules.Training.Metrics;
using HardNegRules.Training.Model;
using HardNegRules.Training.Setup;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HardNegRules.Training.Training;

/// <summary>
/// Trains a <see cref="ClipModel"/> with <see cref="HardNegativeLoss"/>: AdamW, linear warmup then cosine decay,
/// gradient clipping, batches prepared on a worker thread, atomic checkpoints that resume exactly, a NaN/inf guard,
/// JSONL and TensorBoard metrics and progress reports.
/// </summary>
public sealed class Trainer : IDisposable
{
    /// <summary>The checkpoint's file name inside <see cref="TrainerOptions.CheckpointDirectory"/>.</summary>
    public const string CheckpointFileName = "checkpoint.bin";

    private readonly ClipModel _model;
    private readonly TrainerOptions _options;
    private readonly IImageTextDataset _dataset;
    private readonly Func<string, long[]> _tokenize;
    private readonly IHardNegativeSource? _negatives;
    private readonly IProgress<TrainingProgress>? _progress;
    private readonly AdamW _optimizer;
    private readonly List<Parameter> _parameters;
    private readonly WarmupCosineSchedule _schedule;
    private readonly HardNegativeLoss _loss;
    private readonly DataOrder _order;
    private readonly Device _device;
    private string? _lastCheckpoint;
    private int _lastCheckpointStep;

    /// <summary>Prepares a run (nothing is trained until <see cref="Train"/>).</summary>
    /// <param name="model">The model to train; moved to the configured device.</param>
    /// <param name="options">Schedule, optimisation, negatives, checkpoints, logging.</param>
    /// <param name="dataset">The image-caption pairs; images must match the model's image size.</param>
    /// <param name="tokenize">Caption to token ids (at most the model's context length; the trainer zero-pads).
    /// Called on the worker thread.</param>
    /// <param name="negatives">Source of hard negatives; null (or k = 0) trains plain CLIP.</param>
    /// <param name="progress">Receives a report after every step.</param>
    public Trainer(ClipModel model, TrainerOptions options, IImageTextDataset dataset, Func<string, long[]> tokenize,
        IHardNegativeSource? negatives = null, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(tokenize);
        options.Validate();
        if (dataset.Count < 1)
        {
            throw new ArgumentException("The data set is empty.", nameof(dataset));
        }

        _model = model;
        _options = options;
        _dataset = dataset;
        _tokenize = tokenize;
        _negatives = negatives;
        _progress = progress;

        TorchSetup.Initialize(options.Threads);
        _device = TrainingDevice.Resolve(options.Device);
        torch.manual_seed(options.Seed);
        model.to(_device);

        (List<Parameter> decay, List<Parameter> noDecay) = ParameterGroups.Split(model);
        _parameters = [.. decay, .. noDecay];
        _optimizer = torch.optim.AdamW(
        [
            new AdamW.ParamGroup(decay, lr: options.LearningRate, beta1: options.Beta1, beta2: options.Beta2,
                eps: options.Epsilon, weight_decay: options.WeightDecay),
            new AdamW.ParamGroup(noDecay, lr: options.LearningRate, beta1: options.Beta1, beta2: options.Beta2,
                eps: options.Epsilon, weight_decay: 0),
        ], lr: options.LearningRate);
        _schedule = new WarmupCosineSchedule(options.LearningRate, options.WarmupSteps, options.TotalSteps,
            options.FinalLearningRateFraction);
        _loss = new HardNegativeLoss(options.NegativeMode, options.RankingWeight);
        _order = new DataOrder(options.Seed, dataset.Count, options.BatchSize);
    }

    /// <summary>Steps completed so far (0 for a new run; the checkpoint's step after <see cref="Resume"/>).</summary>
    public int Step { get; private set; }

    /// <summary>The model being trained.</summary>
    public ClipModel Model => _model;

    /// <summary>Pairs per step actually used (the batch size, or the data set's size if smaller).</summary>
    public int EffectiveBatchSize => _order.BatchSize;

    /// <summary>The checkpoint file of this run, or null when checkpoints are disabled.</summary>
    public string? CheckpointPath => _options.CheckpointDirectory is null
        ? null
        : Path.Combine(_options.CheckpointDirectory, CheckpointFileName);

    /// <summary>
    /// Loads a checkpoint (weights, optimizer state, step) so that <see cref="Train"/> continues exactly where that run
    /// stopped: same data order, same negatives, same schedule.
    /// </summary>
    /// <param name="path">The checkpoint; null for this run's <see cref="CheckpointPath"/>.</param>
    /// <returns>The loaded state.</returns>
    /// <exception cref="InvalidOperationException">The checkpoint belongs to a different run set-up.</exception>
    public CheckpointState Resume(string? path = null)
    {
        path ??= CheckpointPath ?? throw new InvalidOperationException("No checkpoint path given and none configured.");
        CheckpointState header = CheckpointFile.ReadState(path);
        EnsureSameRun(header, path);
        CheckpointState state = CheckpointFile.Read(path, _model, _optimizer);
        if (_options.MetricsPath is not null)
        {
            // The steps after the checkpoint run again: their old metrics lines would be repeated.
            JsonlMetricsWriter.TruncateAfterStep(_options.MetricsPath, state.Step);
        }
        Step = state.Step;
        _lastCheckpoint = Path.GetFullPath(path);
        _lastCheckpointStep = state.Step;
        return state;
    }

    /// <summary>
    /// Trains from <see cref="Step"/> up to <see cref="TrainerOptions.TotalSteps"/> (or <paramref name="stopAfterStep"/>),
    /// writing checkpoints every <see cref="TrainerOptions.CheckpointEvery"/> steps and when it stops.
    /// </summary>
    /// <param name="stopAfterStep">Stop once this many steps are complete (the schedule still spans TotalSteps).</param>
    /// <param name="cancellation">Stops before the next step; no checkpoint is written for the partial run.</param>
    /// <returns>Where training ended and how fast it ran.</returns>
    /// <exception cref="NonFiniteLossException">A step's loss or gradient norm was NaN or infinite.</exception>
    public TrainingResult Train(int? stopAfterStep = null, CancellationToken cancellation = default)
    {
        int endStep = Math.Min(_options.TotalSteps, stopAfterStep ?? _options.TotalSteps);
        int firstStep = Step;
        double lastLoss = double.NaN;
        if (firstStep >= endStep)
        {
            return new TrainingResult(Step, lastLoss, 0, 0, _lastCheckpoint);
        }

        List<IMetricsSink> sinks = OpenSinks();
        try
        {
            var builder = new BatchBuilder(_dataset, _order, _tokenize, _negatives, _options.NegativesPerCaption,
                _model.Options.Vision.ImageSize, _model.Options.Text.ContextLength, _options.DecodeWorkers);
            using var pipeline = new BatchPipeline(builder, firstStep, endStep, _options.PrefetchBatches, cancellation);
            _model.train();
            var total = Stopwatch.StartNew();
            var perStep = Stopwatch.StartNew();
            foreach (PreparedBatch batch in pipeline.Batches())
            {
                cancellation.ThrowIfCancellationRequested();
                double learningRate = _schedule.At(batch.Step);
                StepOutcome outcome;
                using (torch.NewDisposeScope())
                {
                    outcome = RunStep(batch, learningRate);
                }
                Step = batch.Step + 1;
                lastLoss = outcome.Loss;

                double samplesPerSecond = batch.BatchSize / Math.Max(perStep.Elapsed.TotalSeconds, 1e-9);
                perStep.Restart();
                var metrics = new StepMetrics(Step, batch.Epoch, outcome.Loss, learningRate, samplesPerSecond,
                    outcome.LogitScale, outcome.GradientNorm, batch.NegativeTotal);
                foreach (IMetricsSink sink in sinks)
                {
                    sink.Write(metrics);
                }
                _progress?.Report(new TrainingProgress(Step, _options.TotalSteps, batch.Epoch, outcome.Loss, learningRate,
                    samplesPerSecond, outcome.LogitScale));

                bool due = _options.CheckpointEvery > 0 && Step % _options.CheckpointEvery == 0;
                if (CheckpointPath is not null && (due || Step == endStep))
                {
                    SaveCheckpoint(lastLoss);
                }
            }
            double seconds = Math.Max(total.Elapsed.TotalSeconds, 1e-9);
            int steps = Step - firstStep;
            return new TrainingResult(Step, lastLoss, steps / seconds, steps * (double)_order.BatchSize / seconds,
                _lastCheckpoint);
        }
        finally
        {
            foreach (IMetricsSink sink in sinks)
            {
                sink.Dispose();
            }
        }
    }

    /// <summary>Writes a checkpoint of the current state to <see cref="CheckpointPath"/> atomically.</summary>
    /// <param name="lastLoss">The loss of the last step, stored for reference.</param>
    /// <returns>The checkpoint's path.</returns>
    public string SaveCheckpoint(double lastLoss = double.NaN)
    {
        string path = CheckpointPath ?? throw new InvalidOperationException("Checkpoints are disabled (no directory).");
        CheckpointFile.Write(path, CurrentState(lastLoss), _model, _optimizer);
        _lastCheckpoint = Path.GetFullPath(path);
        _lastCheckpointStep = Step;
        return _lastCheckpoint;
    }

    /// <inheritdoc />
    public void Dispose() => _optimizer.Dispose();

    private StepOutcome RunStep(PreparedBatch batch, double learningRate)
    {
        foreach (torch.optim.ILearningRateController group in _optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }

        int size = _model.Options.Vision.ImageSize;
        int context = _model.Options.Text.ContextLength;
        int negativeTotal = batch.NegativeTotal;
        Tensor images = torch.tensor(batch.Pixels, [batch.BatchSize, 3, size, size], device: _device);
        Tensor tokens = torch.tensor(batch.Tokens, [batch.BatchSize + negativeTotal, context], device: _device);

        Tensor imageEmbeddings = _model.EncodeImage(images);
        // Captions and their negatives go through the text tower together: one larger matmul beats two.
        Tensor textEmbeddings = _model.EncodeText(tokens);
        Tensor positives = textEmbeddings.narrow(0, 0, batch.BatchSize);
        Tensor? negativeEmbeddings = negativeTotal > 0 ? textEmbeddings.narrow(0, batch.BatchSize, negativeTotal) : null;
        Tensor logitScale = _model.LogitScale();
#pragma warning disable CA5394 // reproducibility is the requirement: the choice must replay identically on resume
        var columnChooser = new Random(DataOrder.MixSeed(_options.Seed, 2, batch.Step));
#pragma warning restore CA5394
        Tensor lossTensor = _loss.Compute(imageEmbeddings, positives, negativeEmbeddings, batch.NegativeCounts,
            logitScale, columnChooser);

        double lossValue = lossTensor.item<float>();
        if (!double.IsFinite(lossValue))
        {
            throw new NonFiniteLossException(batch.Step + 1, "loss", lossValue, _lastCheckpoint, _lastCheckpointStep);
        }

        _optimizer.zero_grad();
        lossTensor.backward();
        // An infinite limit measures the norm without clipping.
        double limit = _options.GradientClipNorm > 0 ? _options.GradientClipNorm : double.PositiveInfinity;
        double gradientNorm = torch.nn.utils.clip_grad_norm_(_parameters, limit);
        if (!double.IsFinite(gradientNorm))
        {
            throw new NonFiniteLossException(batch.Step + 1, "gradient norm", gradientNorm, _lastCheckpoint,
                _lastCheckpointStep);
        }
        _optimizer.step();

        using Tensor scaleAfter = _model.LogitScale();
        return new StepOutcome(lossValue, gradientNorm, scaleAfter.item<float>());
    }

    private CheckpointState CurrentState(double lastLoss) => new(
        FormatVersion: CheckpointState.CurrentFormatVersion,
        Step: Step,
        TotalSteps: _options.TotalSteps,
        Epoch: _order.EpochOf(Step),
        BatchInEpoch: _order.BatchInEpochOf(Step),
        Seed: _options.Seed,
        DatasetCount: _dataset.Count,
        BatchSize: _order.BatchSize,
        Model: _model.Options.ToString(),
        LastLoss: lastLoss,
        SavedAtUtc: DateTime.UtcNow);

    private void EnsureSameRun(CheckpointState state, string path)
    {
        var differences = new List<string>();
        if (state.Seed != _options.Seed)
        {
            differences.Add($"seed {state.Seed} vs {_options.Seed}");
        }
        if (state.DatasetCount != _dataset.Count)
        {
            differences.Add($"data set size {state.DatasetCount} vs {_dataset.Count}");
        }
        if (state.BatchSize != _order.BatchSize)
        {
            differences.Add($"batch size {state.BatchSize} vs {_order.BatchSize}");
        }
        if (state.TotalSteps != _options.TotalSteps)
        {
            differences.Add($"total steps {state.TotalSteps} vs {_options.TotalSteps}");
        }
        if (state.Model != _model.Options.ToString())
        {
            differences.Add($"model {state.Model} vs {_model.Options}");
        }
        if (differences.Count > 0)
        {
            throw new InvalidOperationException(
                $"{path} is from a different run set-up and would not resume exactly: {string.Join("; ", differences)}.");
        }
    }

    private List<IMetricsSink> OpenSinks()
    {
        var sinks = new List<IMetricsSink>();
        if (_options.MetricsPath is not null)
        {
            sinks.Add(new JsonlMetricsWriter(_options.MetricsPath));
        }
        if (_options.TensorBoardDirectory is not null)
        {
            sinks.Add(new TensorBoardWriter(_options.TensorBoardDirectory));
        }
        return sinks;
    }

    private readonly record struct StepOutcome(double Loss, double GradientNorm, double LogitScale);
}
