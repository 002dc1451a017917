using System.ComponentModel;
using System.Globalization;
using HardNegRules.Training.Checkpoints;
using HardNegRules.Training.Model;
using HardNegRules.Training.Presets;
using HardNegRules.Training.Runs;
using HardNegRules.Training.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HardNegRules.Cli.Commands;

/// <summary>
/// <c>hardneg train --preset NAME [--out DIR]</c>: trains the preset's model on its data (the concept world, or real
/// pairs from COCO or Fashion200K files) with rule-made hard negatives, writing checkpoints, per-step metrics (JSONL)
/// and <c>run.json</c> (the preset and overrides with absolute paths, for <c>eval</c>) into DIR.
/// </summary>
public sealed class TrainCommand : Command<TrainCommand.Settings>
{
    /// <summary>Options of <c>train</c>.</summary>
    public sealed class Settings : TrainSettings
    {
        /// <summary>The run folder.</summary>
        [CommandOption("-o|--out <DIR>")]
        [Description("The run folder (checkpoint.bin, metrics.jsonl, run.json). Default: runs/<preset>.")]
        public string? Out { get; init; }

        /// <summary>Continue from the run folder's checkpoint.</summary>
        [CommandOption("--resume")]
        [Description("Continue from the checkpoint in --out (same preset and options).")]
        public bool Resume { get; init; }

        /// <summary>Stop early (the schedule still spans all steps); continue later with --resume.</summary>
        [CommandOption("--stop-after <N>")]
        [Description("Stop once N steps are done (the schedule still spans --steps); continue later with --resume.")]
        public int? StopAfter { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            StopAfter is < 1 ? ValidationResult.Error($"--stop-after must be at least 1; got {StopAfter}.")
            : Out is { Length: 0 } ? ValidationResult.Error("--out must name a folder; got an empty value.")
            : base.Validate();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        List<string> overrides = PresetPaths.Absolute(settings.Overrides());
        Preset preset = PresetCatalog.Load(settings.PresetName, overrides);
        string directory = Path.GetFullPath(settings.Out ?? Path.Combine("runs", preset.Name));
        string checkpoint = Path.Combine(directory, Trainer.CheckpointFileName);
        if (settings.Resume && !Directory.Exists(directory))
        {
            throw new ArgumentException($"--resume: there is no run folder {directory}.");
        }
        using RunFolderLock runLock = RunFolderLock.Acquire(directory, "hardneg " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
        (int staleFiles, long staleBytes) = CheckpointFile.RemoveStaleTemporaryFiles(directory);
        if (staleFiles > 0)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Removed {staleFiles} temporary file(s) ({staleBytes / 1e6:0.0} MB) left in {directory} by an interrupted write."));
        }
        if (settings.Resume && !File.Exists(checkpoint))
        {
            string previous = CheckpointFile.PreviousPath(checkpoint);
            throw new ArgumentException(File.Exists(previous)
                ? $"--resume: there is no checkpoint at {checkpoint}, but there is {previous}: move it to {checkpoint} to resume from it."
                : File.Exists(Path.Combine(directory, RunManifest.FileName))
                    ? $"--resume: there is no checkpoint at {checkpoint}: the run in {directory} stopped before its first checkpoint; train again without --resume."
                    : $"--resume: there is no checkpoint at {checkpoint}.");
        }
        if (!settings.Resume && File.Exists(checkpoint))
        {
            throw new ArgumentException($"{directory} already holds a run: pass --resume to continue it, or another --out.");
        }
        if (!settings.Resume)
        {
            File.Delete(Path.Combine(directory, "metrics.jsonl")); // metrics are appended: a new run starts a new file
            new RunManifest(settings.PresetName, overrides).Write(directory);
        }

        var data = new DataReportPrinter();
        var run = new PresetRun(preset, dataReport: data.Report);
        int pairs = run.TrainingPairCount;
        using ClipModel model = run.CreateModel();
        int firstStep = settings.Resume ? CheckpointFile.Verify(checkpoint).Step : 0; // every section, before the run starts
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Training '{preset.Name}': {model.ParameterCount:N0} parameters, {pairs:N0} training pairs, k = {preset.Rules.K} ({preset.Rules.Mode}), {preset.Schedule.Steps} steps, seed {preset.Schedule.Seed}, from step {firstStep}."));
        if (!preset.Data.IsConceptWorld)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Data: {preset.Data.Source}, {run.RealData.HeldOut.Count:N0} held-out pairs ({run.RealData.HeldOutFrom}); model {(preset.Model.Weights is { } w ? $"starts from the weights in {w}" : "starts from a random initialisation (no model.weights given)")}."));
        }
        TrainingResult result;
        try
        {
            result = TrainProgress.Run(preset.Name, preset.Schedule.Steps, firstStep, progress =>
            {
                using Trainer trainer = run.CreateTrainer(model, run.TrainerOptions(directory, settings.Device), progress);
                if (settings.Resume)
                {
                    trainer.Resume();
                }
                return trainer.Train(settings.StopAfter, cancellationToken);
            });
        }
        catch (InvalidOperationException e)
        {
            // A checkpoint of another set-up, or CUDA asked for where there is none: the user's input, not a bug.
            throw new ArgumentException(e.Message, e);
        }
        data.PrintSummary("Training data");
        if (result.Step == firstStep)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"step {result.Step}/{preset.Schedule.Steps}  nothing to train: the run is complete  checkpoint {result.CheckpointPath}"));
            return 0;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"step {result.Step}/{preset.Schedule.Steps}  loss {result.LastLoss:0.0000}  {result.SamplesPerSecond:0} samples/s  checkpoint {result.CheckpointPath}"));
        return 0;
    }
}
