using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.CaptionChecking;
using HardNegRules.Data.ConceptWorld.Scenes;
using HardNegRules.Data.Loaders;
using HardNegRules.Training.Checkpoints;
using HardNegRules.Training.Datasets;
using HardNegRules.Training.Evaluation.ConceptWorld;
using HardNegRules.Training.Evaluation.RealData;
using HardNegRules.Training.Model;
using HardNegRules.Training.Presets;
using HardNegRules.Training.Tokenization;
using HardNegRules.Training.Training;
using HardNegRules.Training.Weights;
using TorchSharp;

namespace HardNegRules.Training.Runs;

/// <summary>
/// Trains and evaluates the model a <see cref="Preset"/> describes on its data (the concept world, or real pairs read
/// from files): the glue between presets, the data, the rule engine, the trainer and the evaluators, shared by
/// <c>hardneg train</c>, <c>eval</c> and <c>experiment</c>.
/// </summary>
/// <param name="preset">The preset.</param>
/// <param name="world">The preset's world if already generated (runs that differ only in rules or schedule share it);
/// null to generate it on first use.</param>
/// <param name="dataReport">Where records and images of real data that cannot be read are reported; null for a new
/// report (see <see cref="DataReport"/>).</param>
public sealed class PresetRun(Preset preset, ConceptWorldDataset? world = null, DataLoadReport? dataReport = null)
{
    private ClipTokenizer? _tokenizer;
    private IPermuter? _permuter;
    private RealDataSplits? _realData;

    /// <summary>The preset.</summary>
    public Preset Preset { get; } = preset ?? throw new ArgumentNullException(nameof(preset));

    /// <summary>The concept world (generated on first use).</summary>
    public ConceptWorldDataset World => world ??= ConceptWorldDataset.Generate(Preset.Data.ToWorldOptions());

    /// <summary>The real data set's training and held-out pairs (read on first use).</summary>
    /// <exception cref="PresetException">The preset's source is the concept world, a path is missing, or a split is empty.</exception>
    public RealDataSplits RealData => _realData ??= RealDataReader.Read(Preset, DataReport);

    /// <summary>What reading real data skipped (malformed records, missing or corrupt images), with file and line.</summary>
    public DataLoadReport DataReport { get; } = dataReport ?? new DataLoadReport();

    /// <summary>The number of training pairs (reads or generates the data).</summary>
    public int TrainingPairCount => Preset.Data.IsConceptWorld ? World.Train.Samples.Count : RealData.Train.Count;

    /// <summary>CLIP's tokenizer (built on first use).</summary>
    public ClipTokenizer Tokenizer => _tokenizer ??= ClipTokenizer.Create();

    /// <summary>The rule pack's permuter: compiled in, or read from <c>rules.directory</c> (built on first use).</summary>
    public IPermuter Permuter => _permuter ??= Permuters.Resolve(Preset.Rules.Pack, Preset.Rules.Directory);

    /// <summary>A model of the preset's architecture to train: <c>model.weights</c> loaded when given, else a random
    /// initialisation seeded with the schedule's seed.</summary>
    /// <returns>The model.</returns>
    /// <exception cref="PresetException">The weights file is missing or does not fit the architecture.</exception>
    public ClipModel CreateModel()
    {
        ClipModel model = NewModel();
        if (Preset.Model.Weights is { } weights)
        {
            string path = PresetPaths.ExistingPath(Preset, "model.weights", weights, "a Hugging Face CLIP model.safetensors or its folder");
            try
            {
                ClipWeights.LoadHuggingFace(model, path);
            }
            catch (Exception e) when (e is InvalidDataException or InvalidOperationException or ArgumentException)
            {
                model.Dispose();
                throw new PresetException($"preset '{Preset.Name}'", 0, 0, $"model.weights: {e.Message}");
            }
        }
        return model;
    }

    private ClipModel NewModel() => new(Preset.Model.ToModelOptions(Preset.Data.ImageSize), Preset.Schedule.Seed);

    /// <summary>The trainer's options for a run writing into <paramref name="directory"/>.</summary>
    /// <param name="directory">Checkpoints, metrics and TensorBoard files go here; null writes nothing.</param>
    /// <param name="device">cpu or cuda.</param>
    /// <returns>The options.</returns>
    public TrainerOptions TrainerOptions(string? directory, string device = "cpu") => new()
    {
        TotalSteps = Preset.Schedule.Steps,
        BatchSize = Preset.Schedule.BatchSize,
        LearningRate = Preset.Schedule.LearningRate,
        WarmupSteps = Math.Min(Preset.Schedule.Warmup, Preset.Schedule.Steps),
        WeightDecay = Preset.Schedule.WeightDecay,
        Beta2 = Preset.Schedule.Beta2,
        GradientClipNorm = Preset.Schedule.GradientClip,
        Seed = Preset.Schedule.Seed,
        NegativesPerCaption = Preset.Rules.K,
        NegativeMode = Preset.Rules.Mode,
        RankingWeight = Preset.Rules.RankingWeight,
        CheckpointDirectory = directory,
        CheckpointEvery = Preset.Schedule.CheckpointEvery,
        MetricsPath = directory is null ? null : Path.Combine(directory, "metrics.jsonl"),
        TensorBoardDirectory = directory is not null && Preset.Schedule.TensorBoard ? directory : null,
        DecodeWorkers = Preset.Data.Workers ?? Environment.ProcessorCount,
        Device = device,
    };

    /// <summary>A trainer over the training pairs (the world's training split, or the real data's) with the preset's
    /// rule negatives.</summary>
    /// <param name="model">The model to train (fresh, or pre-trained weights to fine-tune).</param>
    /// <param name="options">The trainer's options (see <see cref="TrainerOptions(string?, string)"/>).</param>
    /// <param name="progress">Receives a report after each step.</param>
    /// <returns>The trainer; the caller disposes it.</returns>
    /// <param name="twinBatches">Concept world only: fill half of each batch with the binding twins of the other half
    /// (see <see cref="ConceptWorldTwinDataset"/>).</param>
    public Trainer CreateTrainer(ClipModel model, TrainerOptions options, IProgress<TrainingProgress>? progress = null,
        bool twinBatches = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(model);
        if (twinBatches && !Preset.Data.IsConceptWorld)
        {
            throw new ArgumentException($"Twin batches need the concept world; preset '{Preset.Name}' reads {Preset.Data.Source}.");
        }
        IImageTextDataset dataset = Preset.Data.IsConceptWorld
            ? twinBatches ? new ConceptWorldTwinDataset(World.Train, Preset.Data.ImageSize) : new ConceptWorldImageTextDataset(World.Train, Preset.Data.ImageSize)
            : new RealImageTextDataset(RealData.Train, new PhotoDecoder(model.Options.Vision.ImageSize, DataReport));
        IHardNegativeSource? negatives = options.NegativesPerCaption <= 0 ? null
            : Preset.Rules.Source == RulesPreset.DatasetSource
                ? new DatasetNegativeSource(RealData.Negatives ?? throw new PresetException($"preset '{Preset.Name}'", 0, 0,
                    $"rules.source=dataset: data.source {Preset.Data.Source} brings no negatives of its own."), (ulong)Preset.Schedule.Seed)
                : new PermuterNegativeSource(Permuter, (ulong)Preset.Schedule.Seed,
                    Preset.Rules.Concepts.Count > 0 ? Preset.Rules.Concepts : null, kind: null, Preset.Rules.Weight,
                    Preset.Rules.SwapShare, Preset.Data.IsConceptWorld ? WorldNegativeFilter.Create(World.Train, Preset.Rules.CheckWorld, Preset.Rules.SeenPairsOnly) : null);
        ClipTokenizer clip = Tokenizer;
        return new Trainer(model, options, dataset, text => Array.ConvertAll(clip.Encode(text), id => (long)id),
            negatives, progress);
    }

    /// <summary>
    /// The one training loop of every run (<c>hardneg train</c>, each experiment arm and its pre-training): a trainer
    /// over <paramref name="model"/> with the options for <paramref name="directory"/>, resumed from its checkpoint when
    /// asked, trained to the schedule's end or <see cref="TrainingRunOptions.StopAfter"/>.
    /// </summary>
    /// <param name="model">The model to train.</param>
    /// <param name="directory">The run folder (checkpoints, metrics); null writes nothing.</param>
    /// <param name="device">cpu or cuda.</param>
    /// <param name="progress">Receives a report after each step.</param>
    /// <param name="run">How: twin batches, resuming, an early stop.</param>
    /// <param name="cancellation">Stops training after the current step.</param>
    /// <returns>The result.</returns>
    public TrainingResult Train(ClipModel model, string? directory, string device, IProgress<TrainingProgress>? progress,
        TrainingRunOptions? run = null, CancellationToken cancellation = default)
    {
        run ??= new TrainingRunOptions();
        using Trainer trainer = CreateTrainer(model, TrainerOptions(directory, device), progress, run.TwinBatches);
        if (run.Resume)
        {
            trainer.Resume();
        }
        return trainer.Train(run.StopAfter, cancellation);
    }

    /// <summary>Evaluates a model on the real data's held-out pairs: retrieval both ways and concept ranking against
    /// the preset's rule pack.</summary>
    /// <param name="model">The trained model.</param>
    /// <returns>The metrics.</returns>
    public RealDataMetrics EvaluateRealData(ClipModel model) =>
        RealDataEvaluation.Evaluate(model, RealData, Preset.Data.Source, Tokenizer, Permuter, Preset.Rules.Concepts,
            Preset.Evaluation.ToOptions());

    /// <summary>Evaluates a model on the world's test split.</summary>
    /// <param name="model">The trained model.</param>
    /// <param name="scenes">Which test scenes to evaluate on; null for all.</param>
    /// <returns>The metrics.</returns>
    public ConceptWorldMetrics Evaluate(ClipModel model, Func<WorldScene, bool>? scenes = null) =>
        ConceptWorldEvaluation.Evaluate(model, World, Tokenizer, Permuter, Preset.Evaluation.ToOptions(), scenes);

    /// <summary>Loads a checkpoint's weights into a new model of the preset's architecture.</summary>
    /// <param name="checkpointPath">A checkpoint written by the trainer.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidOperationException">The checkpoint is of another architecture.</exception>
    public ClipModel LoadModel(string checkpointPath)
    {
        ClipModel model = NewModel();
        CheckpointState state = CheckpointFile.ReadState(checkpointPath);
        if (state.Model != model.Options.ToString())
        {
            throw new InvalidOperationException(
                $"{checkpointPath} holds model {state.Model}, but preset '{Preset.Name}' builds {model.Options}: pass the preset it was trained with.");
        }
        // The checkpoint also holds optimizer state; reading it needs an optimizer with the trainer's parameter groups.
        (List<TorchSharp.Modules.Parameter> decay, List<TorchSharp.Modules.Parameter> noDecay) = ParameterGroups.Split(model);
        using torch.optim.Optimizer optimizer = torch.optim.AdamW(
            [new TorchSharp.Modules.AdamW.ParamGroup(decay), new TorchSharp.Modules.AdamW.ParamGroup(noDecay)]);
        CheckpointFile.Read(checkpointPath, model, optimizer);
        return model;
    }
}
