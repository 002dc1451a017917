using System.ComponentModel;
using System.Text.Json;
using HardNegRules.Data.IO;
using HardNegRules.Training.Evaluation;
using HardNegRules.Training.Experiments;
using HardNegRules.Training.Model;
using HardNegRules.Training.Pipeline;
using HardNegRules.Training.Presets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HardNegRules.Cli.Commands;

/// <summary>
/// <c>hardneg eval --checkpoint PATH</c>: evaluates a trained model on its preset's held-out data (the concept world's
/// test split, or a real data set's held-out pairs) and prints the metrics as a table (and JSON with <c>--out</c>). The
/// preset comes from <c>--preset</c>, else from the run folder's <c>run.json</c>, else the default.
/// <c>--suite sugarcrepe --images DIR</c> runs SugarCrepe instead; <c>--weights</c> evaluates Hugging Face CLIP weights
/// in the architecture of <c>--preset</c> (default <c>coco</c>: ViT-B/32) without a checkpoint.
/// </summary>
public sealed class EvalCommand : Command<EvalCommand.Settings>
{
    private const string PresetSuite = "preset";
    private const string SugarCrepeSuite = "sugarcrepe";

    /// <summary>Options of <c>eval</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The checkpoint.</summary>
        [CommandOption("--checkpoint <PATH>")]
        [Description("A checkpoint.bin written by hardneg train (or a run folder holding one).")]
        public string? Checkpoint { get; init; }

        /// <summary>Hugging Face CLIP weights to evaluate instead of a checkpoint.</summary>
        [CommandOption("--weights <FILE>")]
        [Description("Hugging Face CLIP model.safetensors (or its folder) to evaluate instead of a checkpoint, in --preset's architecture (default coco: ViT-B/32).")]
        public string? Weights { get; init; }

        /// <summary>The preset the model was trained with.</summary>
        [CommandOption("--preset <NAME>")]
        [Description("The preset the model was trained with. Default: the run folder's run.json, else concept-world (coco with --weights).")]
        public string? Preset { get; init; }

        /// <summary>What to evaluate on.</summary>
        [CommandOption("--suite <SUITE>")]
        [Description("preset (the preset's held-out data) or sugarcrepe (needs --images).")]
        [DefaultValue(PresetSuite)]
        public string Suite { get; init; } = PresetSuite;

        /// <summary>SugarCrepe's image folder.</summary>
        [CommandOption("--images <DIR>")]
        [Description("--suite sugarcrepe: the COCO val2017 image folder; items whose image is not there are skipped and counted.")]
        public string? Images { get; init; }

        /// <summary>SugarCrepe's json folder.</summary>
        [CommandOption("--sugarcrepe <DIR>")]
        [Description("--suite sugarcrepe: the folder of SugarCrepe's seven json files. Default: ./sugarcrepe.")]
        [DefaultValue("sugarcrepe")]
        public string SugarCrepe { get; init; } = "sugarcrepe";

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
            Suite is not (PresetSuite or SugarCrepeSuite) ? ValidationResult.Error($"--suite must be {PresetSuite} or {SugarCrepeSuite}; got '{Suite}'.")
            : string.IsNullOrEmpty(Checkpoint) == string.IsNullOrEmpty(Weights) ? ValidationResult.Error("Give one of --checkpoint PATH and --weights FILE.")
            : Suite == SugarCrepeSuite && string.IsNullOrEmpty(Images) ? ValidationResult.Error("--suite sugarcrepe needs --images DIR (COCO val2017 images).")
            : ValidationResult.Success();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var data = new DataReportPrinter();
        (PresetRun run, string name) = Prepare(settings, data);
        try
        {
            using ClipModel model = settings.Weights is not null ? run.CreateModel() : run.LoadModel(CheckpointPath(settings));
            if (settings.Suite == SugarCrepeSuite)
            {
                EvaluateSugarCrepe(settings, run, model, name, data);
            }
            else if (run.Preset.Data.IsConceptWorld)
            {
                ConceptWorldMetrics metrics = CliErrors.Stderr.Status().Start("Evaluating...", _ => run.Evaluate(model));
                AnsiConsole.Write(EvalTable.Build([(name, metrics)]));
                Write(settings.Out, metrics);
            }
            else
            {
                RealDataMetrics metrics = CliErrors.Stderr.Status().Start("Evaluating...", _ => run.EvaluateRealData(model));
                data.PrintSummary(run.Preset.Data.Source);
                Console.WriteLine(RealDataTable.Summary(metrics));
                AnsiConsole.Write(RealDataTable.Build(name, metrics));
                Write(settings.Out, metrics);
            }
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException(e.Message, e);
        }
        return 0;
    }

    private static (PresetRun Run, string Name) Prepare(Settings settings, DataReportPrinter data)
    {
        if (settings.Weights is not null)
        {
            Preset withWeights = PresetCatalog.Load(settings.Preset ?? DataPreset.Coco, settings.Set);
            withWeights = withWeights with { Model = withWeights.Model with { Weights = settings.Weights } };
            return (new PresetRun(withWeights, dataReport: data.Report), Path.GetFileName(Path.GetFullPath(settings.Weights)));
        }
        string checkpoint = CheckpointPath(settings);
        RunManifest? manifest = RunManifest.TryRead(Path.GetDirectoryName(Path.GetFullPath(checkpoint))!);
        Preset preset = settings.Preset is not null
            ? PresetCatalog.Load(settings.Preset, settings.Set)
            : PresetCatalog.Load(manifest?.Preset ?? PresetCatalog.DefaultName, [.. manifest?.Overrides ?? [], .. settings.Set]);
        return (new PresetRun(preset, dataReport: data.Report), Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(checkpoint))) ?? "model");
    }

    private static string CheckpointPath(Settings settings)
    {
        string checkpoint = Directory.Exists(settings.Checkpoint)
            ? Path.Combine(settings.Checkpoint, Training.Training.Trainer.CheckpointFileName)
            : settings.Checkpoint!;
        return File.Exists(checkpoint) ? checkpoint : throw new ArgumentException($"Checkpoint '{checkpoint}' does not exist.");
    }

    private static void EvaluateSugarCrepe(Settings settings, PresetRun run, ClipModel model, string name, DataReportPrinter data)
    {
        string images = Path.GetFullPath(settings.Images!);
        if (!Directory.Exists(images))
        {
            throw new ArgumentException($"--images: no folder '{settings.Images}' ({images}).");
        }
        if (!Directory.Exists(settings.SugarCrepe))
        {
            throw new ArgumentException(
                $"--sugarcrepe: no folder '{settings.SugarCrepe}' ({Path.GetFullPath(settings.SugarCrepe)}); pass the folder of SugarCrepe's add_att.json ... swap_obj.json.");
        }
        List<SugarCrepeItem> items = SugarCrepeFiles.Read(settings.SugarCrepe, data.Report);
        if (items.Count == 0)
        {
            throw new ArgumentException($"--sugarcrepe: no readable item in {Path.GetFullPath(settings.SugarCrepe)}.");
        }
        SugarCrepeReport report = CliErrors.Stderr.Status().Start("Evaluating SugarCrepe...",
            _ => SugarCrepeEvaluation.Evaluate(model, run.Tokenizer, items, images, data.Report));
        data.PrintSummary("SugarCrepe");
        Console.Error.WriteLine(
            $"SugarCrepe: {items.Count} items read; {report.Overall.Evaluated} evaluated, {report.Overall.Skipped} skipped (image missing or unreadable in {images}).");
        AnsiConsole.Write(SugarCrepeTable.Build(name, report));
        Write(settings.Out, report);
    }

    private static void Write<T>(string? path, T metrics)
    {
        if (path is not null)
        {
            AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, metrics, ExperimentReport.Json));
            Console.Error.WriteLine($"Wrote {path}");
        }
    }
}
