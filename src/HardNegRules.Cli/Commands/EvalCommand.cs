using System.ComponentModel;
using System.Text.Json;
using HardNegRules.Data.IO;
using HardNegRules.Training.Model;
using HardNegRules.Training.Pipeline;
using HardNegRules.Training.Presets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HardNegRules.Cli.Commands;

/// <summary>
/// <c>hardneg eval --checkpoint PATH</c>: evaluates a trained model on its preset's concept-world test split and prints
/// the metrics as a table (and JSON with <c>--out</c>). The preset comes from <c>--preset</c>, else from the run
/// folder's <c>run.json</c>, else the default.
/// </summary>
public sealed class EvalCommand : Command<EvalCommand.Settings>
{
    /// <summary>Options of <c>eval</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The checkpoint.</summary>
        [CommandOption("--checkpoint <PATH>")]
        [Description("A checkpoint.bin written by hardneg train (or a run folder holding one).")]
        public string Checkpoint { get; init; } = string.Empty;

        /// <summary>The preset the model was trained with.</summary>
        [CommandOption("--preset <NAME>")]
        [Description("The preset the model was trained with. Default: the run folder's run.json, else concept-world.")]
        public string? Preset { get; init; }

        /// <summary>Where to write the metrics as JSON.</summary>
        [CommandOption("-o|--out <FILE>")]
        [Description("Write the metrics as JSON to FILE.")]
        public string? Out { get; init; }

        /// <summary>Preset overrides.</summary>
        [CommandOption("--set <KEY=VALUE>")]
        [Description("Override a preset value, e.g. --set evaluation.max-test-scenes=100. Repeatable.")]
        public string[] Set { get; init; } = [];

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(Checkpoint) ? ValidationResult.Error("--checkpoint PATH is required.") : ValidationResult.Success();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string checkpoint = Directory.Exists(settings.Checkpoint)
            ? Path.Combine(settings.Checkpoint, Training.Training.Trainer.CheckpointFileName)
            : settings.Checkpoint;
        if (!File.Exists(checkpoint))
        {
            throw new ArgumentException($"Checkpoint '{checkpoint}' does not exist.");
        }
        RunManifest? manifest = RunManifest.TryRead(Path.GetDirectoryName(Path.GetFullPath(checkpoint))!);
        Preset preset = settings.Preset is not null
            ? PresetCatalog.Load(settings.Preset, settings.Set)
            : PresetCatalog.Load(manifest?.Preset ?? PresetCatalog.DefaultName, [.. manifest?.Overrides ?? [], .. settings.Set]);

        var run = new PresetRun(preset);
        ConceptWorldMetrics metrics;
        try
        {
            using ClipModel model = run.LoadModel(checkpoint);
            metrics = CliErrors.Stderr.Status().Start("Evaluating...", _ => run.Evaluate(model));
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException(e.Message, e);
        }

        AnsiConsole.Write(EvalTable.Build([(Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(checkpoint))) ?? "model", metrics)]));
        if (settings.Out is not null)
        {
            AtomicFile.Write(settings.Out, stream => JsonSerializer.Serialize(stream, metrics, ExperimentReport.Json));
            Console.Error.WriteLine($"Wrote {settings.Out}");
        }
        return 0;
    }
}
