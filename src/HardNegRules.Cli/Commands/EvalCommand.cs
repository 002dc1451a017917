using System.ComponentModel;
using System.Text;
using System.Text.Json;
using HardNegRules.Data.IO;
using HardNegRules.Training.Evaluation;
using HardNegRules.Training.Experiments;
using HardNegRules.Training.Model;
using HardNegRules.Training.Presets;
using HardNegRules.Training.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HardNegRules.Cli.Commands;

/// <summary>
/// <c>hardneg eval --checkpoint PATH</c>: evaluates a trained model on its preset's held-out data, or with
/// <c>--suite</c> on SugarCrepe, InpaintCOCO, Winoground, ARO, or every suite whose data is present (<c>all</c>), and
/// prints one table (JSON and Markdown with <c>--out</c>). <c>--weights</c> evaluates Hugging Face CLIP weights in the
/// architecture of <c>--preset</c> (default <c>coco</c>: ViT-B/32); <c>--compare</c> adds a second model as a column,
/// with the difference.
/// </summary>
public sealed class EvalCommand : Command<EvalCommand.Settings>
{
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

        /// <summary>A second model, shown beside the first with the difference.</summary>
        [CommandOption("--compare <PATH>")]
        [Description("A second model to put beside the first, with the difference: a run folder or checkpoint, or a model.safetensors (in --preset's architecture).")]
        public string? Compare { get; init; }

        /// <summary>The preset the model was trained with.</summary>
        [CommandOption("--preset <NAME>")]
        [Description("The preset the model was trained with. Default: the run folder's run.json, else concept-world (coco with --weights).")]
        public string? Preset { get; init; }

        /// <summary>What to evaluate on.</summary>
        [CommandOption("--suite <SUITE>")]
        [Description("preset (the preset's held-out data), sugarcrepe, inpaintcoco, winoground, aro, probe (binding probes of each tower, concept world), or all (every suite whose data is present).")]
        [DefaultValue(EvaluationSuites.Preset)]
        public string Suite { get; init; } = EvaluationSuites.Preset;

        /// <summary>SugarCrepe's image folder.</summary>
        [CommandOption("--images <DIR>")]
        [Description("sugarcrepe: the COCO val2017 image folder; items whose image is not there are skipped and counted.")]
        public string? Images { get; init; }

        /// <summary>SugarCrepe's json folder.</summary>
        [CommandOption("--sugarcrepe <DIR>")]
        [Description("sugarcrepe: the folder of SugarCrepe's seven json files. Default: ./sugarcrepe.")]
        [DefaultValue("sugarcrepe")]
        public string SugarCrepe { get; init; } = "sugarcrepe";

        /// <summary>InpaintCOCO's parquet file or folder.</summary>
        [CommandOption("--inpaintcoco <PATH>")]
        [Description("inpaintcoco: InpaintCOCO's parquet file, or a folder of them (HF phiyodr/InpaintCOCO data/). Default: ./inpaintcoco.")]
        [DefaultValue("inpaintcoco")]
        public string InpaintCoco { get; init; } = "inpaintcoco";

        /// <summary>Winoground's folder.</summary>
        [CommandOption("--winoground <DIR>")]
        [Description("winoground: the folder of examples.jsonl and images/ (HF facebook/winoground data/, images.zip unzipped). Default: ./winoground.")]
        [DefaultValue("winoground")]
        public string Winoground { get; init; } = "winoground";

        /// <summary>ARO's root.</summary>
        [CommandOption("--aro <DIR>")]
        [Description("aro: the folder of visual_genome_relation.json, visual_genome_attribution.json and images/. Default: ./aro.")]
        [DefaultValue("aro")]
        public string Aro { get; init; } = "aro";

        /// <summary>COCO-Order's root.</summary>
        [CommandOption("--aro-coco <DIR>")]
        [Description("aro: the COCO root holding coco_karpathy_test.json and val2014/ (COCO-Order). Default: --aro.")]
        public string? AroCoco { get; init; }

        /// <summary>Flickr30k-Order's root.</summary>
        [CommandOption("--aro-flickr <DIR>")]
        [Description("aro: the Flickr30k root holding flickr30k_test.json and flickr30k-images/ (Flickr30k-Order). Default: --aro.")]
        public string? AroFlickr { get; init; }

        /// <summary>Items per benchmark.</summary>
        [CommandOption("--max-items <N>")]
        [Description("Score only the first N items of each benchmark (each ARO set): a quick look.")]
        public int? MaxItems { get; init; }

        /// <summary>Where to write the metrics as JSON.</summary>
        [CommandOption("-o|--out <FILE>")]
        [Description("Write the results as JSON to FILE, and the table as Markdown beside it (FILE with .md).")]
        public string? Out { get; init; }

        /// <summary>A rules folder read at run time.</summary>
        [CommandOption("--rules <DIR>")]
        [Description("Read the rule pack from DIR at run time instead of the rules compiled in (rules.directory): the negatives of the text-ranking tests.")]
        public string? RulesDirectory { get; init; }

        /// <summary>Preset overrides.</summary>
        [CommandOption("--set <KEY=VALUE>")]
        [Description("Override a preset value, e.g. --set evaluation.max-test-scenes=100. Repeatable.")]
        public string[] Set { get; init; } = [];

        /// <summary>The preset overrides these options make (--set last, so it wins).</summary>
        internal string[] Overrides() =>
            RulesDirectory is null ? Set : [$"rules.directory={Path.GetFullPath(RulesDirectory)}", .. Set];

        internal SuiteData Data => new()
        {
            SugarCrepe = SugarCrepe,
            CocoImages = Images,
            InpaintCoco = InpaintCoco,
            Winoground = Winoground,
            Aro = Aro,
            AroCoco = AroCoco,
            AroFlickr = AroFlickr,
            MaxItems = MaxItems,
        };

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            Suite != EvaluationSuites.All && !EvaluationSuites.Names.Contains(Suite)
                ? ValidationResult.Error($"--suite must be one of {string.Join(", ", EvaluationSuites.Names)} or {EvaluationSuites.All}; got '{Suite}'.")
            : string.IsNullOrEmpty(Checkpoint) == string.IsNullOrEmpty(Weights) ? ValidationResult.Error("Give one of --checkpoint PATH and --weights FILE.")
            : Suite == EvaluationSuites.SugarCrepe && string.IsNullOrEmpty(Images) ? ValidationResult.Error("--suite sugarcrepe needs --images DIR (COCO val2017 images).")
            : MaxItems is < 1 ? ValidationResult.Error("--max-items must be at least 1.")
            : ValidationResult.Success();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var data = new DataReportPrinter();
        var results = new List<ModelSuiteResult>();
        var names = new List<string>();
        try
        {
            var models = new List<(string Path, bool IsWeights)> { (settings.Weights ?? settings.Checkpoint!, settings.Weights is not null) };
            if (settings.Compare is { } compare)
            {
                models.Add((compare, IsWeights(compare)));
            }
            foreach ((string path, bool isWeights) in models)
            {
                (PresetRun run, string name) = Prepare(settings, path, isWeights, data);
                name = names.Contains(name) ? $"{name} ({names.Count + 1})" : name;
                names.Add(name);
                using ClipModel model = isWeights ? run.CreateModel() : run.LoadModel(CheckpointPath(path));
                foreach (string suite in Suites(settings, run))
                {
                    SuiteResult result = CliErrors.Stderr.Status().Start($"Evaluating {name} on {suite}...",
                        _ => EvaluationSuites.Run(suite, run, model, settings.Data));
                    results.Add(new ModelSuiteResult(name, suite, result.Summary, result.Report, result.Rows));
                }
            }
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException(e.Message, e);
        }
        data.PrintSummary("Evaluation data");
        var all = new EvaluationResults(names, results);
        foreach (ModelSuiteResult result in results)
        {
            Console.WriteLine(names.Count > 1 ? $"{result.Model}: {result.Summary}" : result.Summary);
        }
        AnsiConsole.Write(Render(all.Table()));
        Write(settings.Out, results.Count == 1 ? results[0].Report : all, all);
        return 0;
    }

    private static List<string> Suites(Settings settings, PresetRun run)
    {
        if (settings.Suite != EvaluationSuites.All)
        {
            return [settings.Suite];
        }
        List<string> present = EvaluationSuites.Present(run, settings.Data);
        foreach (string absent in EvaluationSuites.Names.Except(present))
        {
            Console.Error.WriteLine($"{absent}: not run: {EvaluationSuites.Missing(absent, run, settings.Data)}.");
        }
        return present.Count > 0 ? present : throw new ArgumentException("--suite all: no suite's data is present (see above).");
    }

    private static bool IsWeights(string path) =>
        path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase) || File.Exists(Path.Combine(path, "model.safetensors"));

    private static (PresetRun Run, string Name) Prepare(Settings settings, string path, bool isWeights, DataReportPrinter data)
    {
        if (isWeights)
        {
            Preset withWeights = PresetCatalog.Load(settings.Preset ?? DataPreset.Coco, settings.Overrides());
            withWeights = withWeights with { Model = withWeights.Model with { Weights = path } };
            return (new PresetRun(withWeights, dataReport: data.Report), Path.GetFileName(Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar)));
        }
        string checkpoint = CheckpointPath(path);
        RunManifest? manifest = RunManifest.TryRead(Path.GetDirectoryName(Path.GetFullPath(checkpoint))!);
        Preset preset = settings.Preset is not null
            ? PresetCatalog.Load(settings.Preset, settings.Overrides())
            : PresetCatalog.Load(manifest?.Preset ?? PresetCatalog.DefaultName, [.. manifest?.Overrides ?? [], .. settings.Overrides()]);
        return (new PresetRun(preset, dataReport: data.Report), Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(checkpoint))) ?? "model");
    }

    private static string CheckpointPath(string path)
    {
        string checkpoint = Directory.Exists(path) ? Path.Combine(path, Training.Training.Trainer.CheckpointFileName) : path;
        return File.Exists(checkpoint) ? checkpoint : throw new ArgumentException($"Checkpoint '{checkpoint}' does not exist.");
    }

    private static Table Render(EvaluationTable cells)
    {
        var table = new Table();
        for (int c = 0; c < cells.Header.Count; c++)
        {
            var column = new TableColumn(Markup.Escape(cells.Header[c]));
            table.AddColumn(c >= cells.NumericFrom ? column.RightAligned() : column);
        }
        foreach (string[] row in cells.Rows)
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }
        return table;
    }

    private static void Write(string? path, object report, EvaluationResults all)
    {
        if (path is null)
        {
            return;
        }
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, report, ExperimentReport.Json));
        string markdown = Path.ChangeExtension(path, ".md");
        var md = new StringBuilder("# Evaluation\n\n");
        foreach (ModelSuiteResult result in all.Results)
        {
            md.Append("- ").Append(all.Models.Count > 1 ? $"{result.Model}: " : string.Empty).Append(result.Summary).Append('\n');
        }
        md.Append("\nPercent; items: the items a number is over (first model).\n\n").Append(all.Table().ToMarkdown());
        AtomicFile.Write(markdown, stream => stream.Write(Encoding.UTF8.GetBytes(md.ToString())));
        Console.Error.WriteLine($"Wrote {path} and {markdown}");
    }
}
