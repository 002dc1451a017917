using HardNegRules.Data.ConceptWorld;
using HardNegRules.Training.Checkpoints;
using HardNegRules.Training.Model;
using HardNegRules.Training.Presets;
using HardNegRules.Training.Tokenization;
using HardNegRules.Training.Training;
using TorchSharp;

namespace HardNegRules.Training.Pipeline;

/// <summary>
/// Trains and evaluates the model a <see cref="Preset"/> describes on its concept world: the glue between presets,
/// the world, the rule engine, the trainer and the evaluator, shared by <c>hardneg train</c>, <c>eval</c> and
/// <c>experiment</c>.
/// </summary>
/// <param name="preset">The preset.</param>
/// <param name="world">The preset's world if already generated (runs that differ only in rules or schedule share it);
/// null to generate it on first use.</param>
public sealed class PresetRun(Preset preset, ConceptWorldDataset? world = null)
{
    private ClipTokenizer? tokenizer;

    /// <summary>The preset.</summary>
    public Preset Preset { get; } = preset ?? throw new ArgumentNullException(nameof(preset));

    /// <summary>The concept world (generated on first use).</summary>
    public ConceptWorldDataset World => world ??= ConceptWorldDataset.Generate(Preset.Data.ToWorldOptions());

    /// <summary>CLIP's tokenizer (built on first use).</summary>
    public ClipTokenizer Tokenizer => tokenizer ??= ClipTokenizer.Create();

    /// <summary>The rule pack's permuter.</summary>
    public IPermuter Permuter => Permuters.Get(Preset.Rules.Pack);

    /// <summary>A freshly initialised model of the preset's architecture, seeded with the schedule's seed.</summary>
    /// <returns>The model.</returns>
    public ClipModel CreateModel() => new(Preset.Model.ToModelOptions(Preset.Data.ImageSize), Preset.Schedule.Seed);

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
        Seed = Preset.Schedule.Seed,
        NegativesPerCaption = Preset.Rules.K,
        NegativeMode = Preset.Rules.Mode,
        RankingWeight = Preset.Rules.RankingWeight,
        CheckpointDirectory = directory,
        CheckpointEvery = Preset.Schedule.CheckpointEvery,
        MetricsPath = directory is null ? null : Path.Combine(directory, "metrics.jsonl"),
        Device = device,
    };

    /// <summary>A trainer over the world's training split with the preset's rule negatives.</summary>
    /// <param name="model">The model to train (fresh, or pre-trained weights to fine-tune).</param>
    /// <param name="options">The trainer's options (see <see cref="TrainerOptions(string?, string)"/>).</param>
    /// <param name="progress">Receives a report after each step.</param>
    /// <returns>The trainer; the caller disposes it.</returns>
    public Trainer CreateTrainer(ClipModel model, TrainerOptions options, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataset = new ConceptWorldImageTextDataset(World.Train, Preset.Data.ImageSize);
        PermuterNegativeSource? negatives = options.NegativesPerCaption > 0
            ? new PermuterNegativeSource(Permuter, (ulong)Preset.Schedule.Seed,
                Preset.Rules.Concepts.Count > 0 ? Preset.Rules.Concepts : null, kind: null, Preset.Rules.Weight,
                Preset.Rules.SwapShare)
            : null;
        ClipTokenizer clip = Tokenizer;
        return new Trainer(model, options, dataset, text => Array.ConvertAll(clip.Encode(text), id => (long)id),
            negatives, progress);
    }

    /// <summary>Evaluates a model on the world's test split.</summary>
    /// <param name="model">The trained model.</param>
    /// <returns>The metrics.</returns>
    public ConceptWorldMetrics Evaluate(ClipModel model) =>
        ConceptWorldEvaluation.Evaluate(model, World, Tokenizer, Permuter, Preset.Evaluation.ToOptions());

    /// <summary>Loads a checkpoint's weights into a new model of the preset's architecture.</summary>
    /// <param name="checkpointPath">A checkpoint written by the trainer.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidOperationException">The checkpoint is of another architecture.</exception>
    public ClipModel LoadModel(string checkpointPath)
    {
        ClipModel model = CreateModel();
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
