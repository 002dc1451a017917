using HardNegRules.Data.Loaders;
using HardNegRules.Training.Presets;
using HardNegRules.Training.Runs;
using HardNegRules.Training.Training;

namespace HardNegRules.Cli.Commands;

/// <summary>
/// <c>hardneg train --preset NAME [--out DIR]</c>: trains the preset's model on its data (the concept world, or real
/// pairs from COCO or Fashion200K files) with rule-made hard negatives, writing checkpoints, per-step metrics (JSONL)
/// and <c>run.json</c> (the preset and overrides with absolute paths, for <c>eval</c>) into DIR.
/// </summary>
internal sealed class TrainCommand : Command<TrainCommand.Settings>
{
    /// <summary>Options of <c>train</c>.</summary>
    public sealed class Settings : TrainSettings
    {
        [CommandOption("--resume")]
        [Description("Continue from the checkpoint in --out (same preset and options).")]
        public bool Resume { get; init; }

        [CommandOption("--stop-after <N>")]
        [Description("Stop once N steps are done (the schedule still spans --steps); continue later with --resume.")]
        public int? StopAfter { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            StopAfter is < 1 ? ValidationResult.Error($"--stop-after must be at least 1; got {StopAfter}.") : base.Validate();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var data = new DataLoadPrinter(Console.Error);
        var request = new TrainingRequest
        {
            Preset = settings.Preset ?? PresetCatalog.DefaultName,
            Edits = settings.Edits(),
            Directory = settings.Out,
            Resume = settings.Resume,
            StopAfter = settings.StopAfter,
            Device = settings.Device,
            Command = CommandLine.Current(),
        };
        using TrainingSession session = TrainingSession.Open(request, data.Report, Console.Error.WriteLine);
        TrainingResult result = CliErrors.UserInput(() => ConsoleDisplay.Train(
            session.Preset.Name, session.Preset.Schedule.Steps, session.FirstStep, progress => session.Train(progress, cancellationToken)));
        data.PrintSummary("Training data");
        Console.WriteLine(session.Summary(result));
        return 0;
    }
}
