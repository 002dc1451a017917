using System.Text.Json;
using HardNegRules.Data.IO;
using HardNegRules.Training.Checkpoints;
using HardNegRules.Training.Model;
using HardNegRules.Training.Presets;
using HardNegRules.Training.Runs;
using HardNegRules.Training.Training;
using TorchSharp;

namespace HardNegRules.Training.Merging;

/// <summary>
/// Merges two training checkpoints of one architecture into a third by <see cref="WeightAveraging"/> and writes it as a
/// run folder that <c>hardneg eval</c> reads like a trained run: <c>checkpoint.bin</c>, the preset's <c>run.json</c>
/// and <c>merge.json</c> (what was merged, with which alpha).
/// </summary>
public static class CheckpointMerge
{
    /// <summary>The merge record's file name inside the output folder.</summary>
    public const string RecordFileName = "merge.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Merges <see cref="CheckpointMergeOptions.From"/> and <see cref="CheckpointMergeOptions.To"/>.</summary>
    /// <param name="options">Inputs, alpha and output folder.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Alpha is outside [0, 1].</exception>
    /// <exception cref="ArgumentException">A checkpoint does not exist.</exception>
    /// <exception cref="WeightMismatchException">The checkpoints hold different architectures (the message names the
    /// model or the first differing parameter).</exception>
    /// <exception cref="InvalidOperationException">The preset builds another architecture than the checkpoints hold.</exception>
    public static CheckpointMergeResult Merge(CheckpointMergeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        WeightAveraging.ValidateAlpha(options.Alpha);
        string from = ResolveCheckpoint(options.From, "--from");
        string to = ResolveCheckpoint(options.To, "--to");
        CheckpointState fromState = CheckpointFile.ReadState(from);
        CheckpointState toState = CheckpointFile.ReadState(to);
        if (fromState.Model != toState.Model)
        {
            throw new WeightMismatchException("model",
                $"{from} holds model {fromState.Model} but {to} holds {toState.Model}: only checkpoints of one architecture can be merged.");
        }

        RunManifest manifest = ManifestFor(from, options);
        Preset preset = PresetCatalog.Load(manifest.Preset, manifest.Overrides);
        var run = new PresetRun(preset);
        using ClipModel fromModel = run.LoadModel(from);
        using ClipModel toModel = run.LoadModel(to);
        using ClipModel merged = WeightAveraging.Average(fromModel, toModel, options.Alpha);

        Directory.CreateDirectory(options.OutDirectory);
        string output = Path.Combine(options.OutDirectory, Trainer.CheckpointFileName);
        (List<TorchSharp.Modules.Parameter> decay, List<TorchSharp.Modules.Parameter> noDecay) = ParameterGroups.Split(merged);
        using torch.optim.Optimizer optimizer = torch.optim.AdamW(
            [new TorchSharp.Modules.AdamW.ParamGroup(decay), new TorchSharp.Modules.AdamW.ParamGroup(noDecay)]);
        // The merged model is finished like the alpha-1 run; its optimizer state is fresh (moments of neither run apply).
        CheckpointFile.Write(output, toState with { SavedAtUtc = DateTime.UtcNow }, merged, optimizer);
        manifest.Write(options.OutDirectory);

        Dictionary<string, torch.Tensor> state = merged.state_dict();
        var result = new CheckpointMergeResult(Path.GetFullPath(output), Path.GetFullPath(from), Path.GetFullPath(to),
            options.Alpha, fromState.Model, state.Count, state.Values.Sum(t => t.numel()));
        AtomicFile.Write(Path.Combine(options.OutDirectory, RecordFileName), stream => JsonSerializer.Serialize(stream, result, Json));
        return result;
    }

    /// <summary>The checkpoint file for a path that names either the file or a run folder holding one.</summary>
    /// <param name="path">A checkpoint file or run folder.</param>
    /// <param name="option">How messages name the input, e.g. <c>--from</c>.</param>
    /// <returns>The checkpoint file.</returns>
    /// <exception cref="ArgumentException">Neither exists.</exception>
    public static string ResolveCheckpoint(string path, string option)
    {
        ArgumentNullException.ThrowIfNull(path);
        string checkpoint = Directory.Exists(path) ? Path.Combine(path, Trainer.CheckpointFileName) : path;
        return File.Exists(checkpoint)
            ? checkpoint
            : throw new ArgumentException($"{option}: checkpoint '{checkpoint}' does not exist; pass a checkpoint.bin or the run folder holding one.");
    }

    private static RunManifest ManifestFor(string from, CheckpointMergeOptions options)
    {
        RunManifest? saved = RunManifest.TryRead(Path.GetDirectoryName(Path.GetFullPath(from))!);
        return options.Preset is not null
            ? new RunManifest(options.Preset, [.. options.Overrides])
            : new RunManifest(saved?.Preset ?? PresetCatalog.DefaultName, [.. saved?.Overrides ?? [], .. options.Overrides]);
    }
}
