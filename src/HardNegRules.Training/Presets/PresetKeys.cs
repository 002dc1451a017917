using HardNegRules.Training.Loss;

namespace HardNegRules.Training.Presets;

/// <summary>
/// Every key a preset may have, as <c>section.key</c>, and how its value changes the preset. One table serves the file
/// and the command-line overrides, so both accept exactly the same keys and values.
/// </summary>
internal static class PresetKeys
{
    private static readonly string[] Modes = ["append", "replace"];

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, Func<Preset, PresetValue, Preset>>> Sections { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, Func<Preset, PresetValue, Preset>>>(StringComparer.Ordinal)
        {
            ["data"] = new Dictionary<string, Func<Preset, PresetValue, Preset>>(StringComparer.Ordinal)
            {
                ["world"] = (p, v) => p with { Data = p.Data with { Source = v.OneOf([DataPreset.ConceptWorld]) } },
                ["source"] = (p, v) => p with { Data = p.Data with { Source = v.OneOf(DataPreset.Sources) } },
                ["captions"] = (p, v) => p with { Data = p.Data with { Captions = v.NullableString() } },
                ["images"] = (p, v) => p with { Data = p.Data with { Images = v.NullableString() } },
                ["labels"] = (p, v) => p with { Data = p.Data with { Labels = v.NullableString() } },
                ["allow-absolute-paths"] = (p, v) => p with { Data = p.Data with { AllowAbsolutePaths = v.Bool() } },
                ["image-column"] = (p, v) => p with { Data = p.Data with { ImageColumn = v.String() } },
                ["caption-column"] = (p, v) => p with { Data = p.Data with { CaptionColumn = v.String() } },
                ["workers"] = (p, v) => p with { Data = p.Data with { Workers = v.NullableInt(1) } },
                ["max-samples"] = (p, v) => p with { Data = p.Data with { MaxSamples = v.NullableInt(1) } },
                ["held-out"] = (p, v) => p with { Data = p.Data with { HeldOut = v.OneOf(DataPreset.HeldOutNames) } },
                ["validation-fraction"] = (p, v) => p with { Data = p.Data with { ValidationFraction = v.Double(0.001, 0.9) } },
                ["seed"] = (p, v) => p with { Data = p.Data with { Seed = v.ULong() } },
                ["image-size"] = (p, v) => p with { Data = p.Data with { ImageSize = v.Int(16) } },
                ["train-scenes"] = (p, v) => p with { Data = p.Data with { TrainScenes = v.Int(1) } },
                ["test-scenes"] = (p, v) => p with { Data = p.Data with { TestScenes = v.Int(1) } },
                ["captions-per-scene"] = (p, v) => p with { Data = p.Data with { CaptionsPerScene = v.Int(1) } },
                ["positional-caption-share"] = (p, v) => p with { Data = p.Data with { PositionalCaptionShare = v.Double(0, 1) } },
                ["min-objects"] = (p, v) => p with { Data = p.Data with { MinObjects = ObjectCount(v) } },
                ["max-objects"] = (p, v) => p with { Data = p.Data with { MaxObjects = ObjectCount(v) } },
                ["complete-captions"] = (p, v) => p with { Data = p.Data with { CompleteCaptions = v.Bool() } },
                ["size-mention-share"] = (p, v) => p with { Data = p.Data with { SizeMentionShare = v.Double(0, 1) } },
                ["held-out-pairs"] = (p, v) => p with { Data = p.Data with { HeldOutPairs = v.Int(0) } },
                ["shapes"] = (p, v) => p with { Data = p.Data with { Shapes = v.StringsOneOf(DataPreset.ShapeNames) } },
                ["colors"] = (p, v) => p with { Data = p.Data with { Colors = v.StringsOneOf(DataPreset.ColorNames) } },
            },
            ["rules"] = new Dictionary<string, Func<Preset, PresetValue, Preset>>(StringComparer.Ordinal)
            {
                ["pack"] = (p, v) => p with { Rules = p.Rules with { Pack = v.OneOf(Permuters.Packs) } },
                ["directory"] = (p, v) => p with { Rules = p.Rules with { Directory = v.NullableString() } },
                ["concepts"] = (p, v) => p with { Rules = p.Rules with { Concepts = v.Strings() } },
                ["k"] = (p, v) => p with { Rules = p.Rules with { K = v.Int(0) } },
                ["mode"] = (p, v) => p with
                {
                    Rules = p.Rules with { Mode = v.OneOf(Modes) == "replace" ? HardNegativeMode.Replace : HardNegativeMode.Append },
                },
                ["weight"] = (p, v) => p with { Rules = p.Rules with { Weight = v.Weights() } },
                ["swap-share"] = (p, v) => p with { Rules = p.Rules with { SwapShare = v.Double(0, 1) } },
                ["source"] = (p, v) => p with { Rules = p.Rules with { Source = v.OneOf([RulesPreset.RulesSource, RulesPreset.DatasetSource]) } },
                ["check-world"] = (p, v) => p with { Rules = p.Rules with { CheckWorld = v.Bool() } },
                ["seen-pairs-only"] = (p, v) => p with { Rules = p.Rules with { SeenPairsOnly = v.Bool() } },
                ["ranking-weight"] = (p, v) => p with { Rules = p.Rules with { RankingWeight = v.Double(0, 1000) } },
            },
            ["model"] = new Dictionary<string, Func<Preset, PresetValue, Preset>>(StringComparer.Ordinal)
            {
                ["vision"] = (p, v) => p with { Model = p.Model with { Vision = v.OneOf(ModelPreset.VisionNames) } },
                ["embed-dim"] = (p, v) => p with { Model = p.Model with { EmbedDim = v.Int(1) } },
                ["channels"] = (p, v) => p with { Model = p.Model with { Channels = v.Ints(1) } },
                ["coordinate-channels"] = (p, v) => p with { Model = p.Model with { CoordinateChannels = v.Bool() } },
                ["mean-pool"] = (p, v) => p with { Model = p.Model with { MeanPool = v.Bool() } },
                ["patch-size"] = (p, v) => p with { Model = p.Model with { PatchSize = v.Int(1) } },
                ["vision-width"] = (p, v) => p with { Model = p.Model with { VisionWidth = v.Int(1) } },
                ["vision-layers"] = (p, v) => p with { Model = p.Model with { VisionLayers = v.Int(0) } },
                ["vision-heads"] = (p, v) => p with { Model = p.Model with { VisionHeads = v.Int(1) } },
                ["text-width"] = (p, v) => p with { Model = p.Model with { TextWidth = v.Int(1) } },
                ["text-layers"] = (p, v) => p with { Model = p.Model with { TextLayers = v.Int(0) } },
                ["text-heads"] = (p, v) => p with { Model = p.Model with { TextHeads = v.Int(1) } },
                ["weights"] = (p, v) => p with { Model = p.Model with { Weights = v.NullableString() } },
            },
            ["schedule"] = new Dictionary<string, Func<Preset, PresetValue, Preset>>(StringComparer.Ordinal)
            {
                ["steps"] = (p, v) => p with { Schedule = p.Schedule with { Steps = v.Int(1) } },
                ["batch-size"] = (p, v) => p with { Schedule = p.Schedule with { BatchSize = v.Int(1) } },
                ["lr"] = (p, v) => p with { Schedule = p.Schedule with { LearningRate = v.Double(1e-9, 10) } },
                ["warmup"] = (p, v) => p with { Schedule = p.Schedule with { Warmup = v.Int(0) } },
                ["weight-decay"] = (p, v) => p with { Schedule = p.Schedule with { WeightDecay = v.Double(0, 10) } },
                ["beta2"] = (p, v) => p with { Schedule = p.Schedule with { Beta2 = v.Double(0, 0.999999) } },
                ["grad-clip"] = (p, v) => p with { Schedule = p.Schedule with { GradientClip = v.Double(0, 1e9) } },
                ["seed"] = (p, v) => p with { Schedule = p.Schedule with { Seed = v.Int() } },
                ["checkpoint-every"] = (p, v) => p with { Schedule = p.Schedule with { CheckpointEvery = v.Int(0) } },
                ["tensorboard"] = (p, v) => p with { Schedule = p.Schedule with { TensorBoard = v.Bool() } },
                ["pretrain-steps"] = (p, v) => p with { Schedule = p.Schedule with { PretrainSteps = v.Int(0) } },
            },
            ["evaluation"] = new Dictionary<string, Func<Preset, PresetValue, Preset>>(StringComparer.Ordinal)
            {
                ["negatives-per-concept"] = (p, v) => p with { Evaluation = p.Evaluation with { NegativesPerConcept = v.Int(1) } },
                ["seed"] = (p, v) => p with { Evaluation = p.Evaluation with { Seed = v.ULong() } },
                ["max-test-scenes"] = (p, v) => p with { Evaluation = p.Evaluation with { MaxTestScenes = v.NullableInt(1) } },
            },
        };

    private static int ObjectCount(PresetValue value)
    {
        int count = value.Int(1);
        return count <= HardNegRules.Data.ConceptWorld.Scenes.Scene.MaxObjects
            ? count
            : throw value.Error($"A scene holds 1 to {HardNegRules.Data.ConceptWorld.Scenes.Scene.MaxObjects} objects; got {count}.");
    }

    /// <summary>Keys of the top level that hold a single value.</summary>
    public static IReadOnlyDictionary<string, Func<Preset, PresetValue, Preset>> TopLevel { get; } =
        new Dictionary<string, Func<Preset, PresetValue, Preset>>(StringComparer.Ordinal)
        {
            ["preset"] = (p, v) => p with { Name = v.String() },
            ["description"] = (p, v) => p with { Description = v.String() },
        };
}
