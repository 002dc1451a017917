using HardNegRules.Data.Loaders;
using HardNegRules.Training.Evaluation;
using HardNegRules.Training.Presets;
using HardNegRules.Training.Runs;

namespace HardNegRules.Cli.Commands;

/// <summary>
/// <c>hardneg eval --checkpoint PATH</c>: evaluates a trained model on its preset's held-out data, or with
/// <c>--suite</c> on SugarCrepe, InpaintCOCO, Winoground, ARO, or every suite whose data is present (<c>all</c>), and
/// prints one table (JSON and Markdown with <c>--out</c>). <c>--weights</c> evaluates Hugging Face CLIP weights in the
/// architecture of <c>--preset</c> (default <c>coco</c>: ViT-B/32); <c>--compare</c> adds a second model as a column,
/// with the difference.
/// </summary>
internal sealed class EvalCommand : Command<EvalCommand.Settings>
{
    /// <summary>Options of <c>eval</c>.</summary>
    public sealed class Settings : ModelSettings
    {
        [CommandOption("--checkpoint <PATH>")]
        [Description("A checkpoint.bin written by hardneg train (or a run folder holding one).")]
        public string? Checkpoint { get; init; }

        [CommandOption("--weights <FILE>")]
        [Description("Hugging Face CLIP model.safetensors (or its folder) to evaluate instead of a checkpoint, in --preset's architecture (default coco: ViT-B/32).")]
        public string? Weights { get; init; }

        [CommandOption("--compare <PATH>")]
        [Description("A second model to put beside the first, with the difference: a run folder or checkpoint, or a model.safetensors (in --preset's architecture).")]
        public string? Compare { get; init; }

        [CommandOption("--suite <SUITE>")]
        [Description("preset (the preset's held-out data), sugarcrepe, inpaintcoco, winoground, aro, probe (binding probes of each tower, concept world), or all (every suite whose data is present).")]
        [DefaultValue(EvaluationSuites.Preset)]
        public string Suite { get; init; } = EvaluationSuites.Preset;

        [CommandOption("--images <DIR>")]
        [Description("sugarcrepe: the COCO val2017 image folder; items whose image is not there are skipped and counted.")]
        public string? Images { get; init; }

        [CommandOption("--sugarcrepe <DIR>")]
        [Description("sugarcrepe: the folder of SugarCrepe's seven json files.")]
        [DefaultValue("sugarcrepe")]
        public string SugarCrepe { get; init; } = "sugarcrepe";

        [CommandOption("--inpaintcoco <PATH>")]
        [Description("inpaintcoco: InpaintCOCO's parquet file, or a folder of them (HF phiyodr/InpaintCOCO data/).")]
        [DefaultValue("inpaintcoco")]
        public string InpaintCoco { get; init; } = "inpaintcoco";

        [CommandOption("--winoground <DIR>")]
        [Description("winoground: the folder of examples.jsonl and images/ (HF facebook/winoground data/, images.zip unzipped).")]
        [DefaultValue("winoground")]
        public string Winoground { get; init; } = "winoground";

        [CommandOption("--aro <DIR>")]
        [Description("aro: the folder of visual_genome_relation.json, visual_genome_attribution.json and images/.")]
        [DefaultValue("aro")]
        public string Aro { get; init; } = "aro";

        [CommandOption("--aro-coco <DIR>")]
        [Description("aro: the COCO root holding coco_karpathy_test.json and val2014/ (COCO-Order). Default: --aro.")]
        public string? AroCoco { get; init; }

        [CommandOption("--aro-flickr <DIR>")]
        [Description("aro: the Flickr30k root holding flickr30k_test.json and flickr30k-images/ (Flickr30k-Order). Default: --aro.")]
        public string? AroFlickr { get; init; }

        [CommandOption("--max-items <N>")]
        [Description("Score only the first N items of each benchmark (each ARO set): a quick look.")]
        public int? MaxItems { get; init; }

        [CommandOption("-o|--out <FILE>")]
        [Description("Write the results as JSON to FILE, and the table as Markdown beside it (FILE with .md).")]
        public string? Out { get; init; }

        /// <summary>What these options ask to evaluate.</summary>
        internal EvaluationRequest Request() => EvaluationRequest.ForModel(Checkpoint, Weights) with
        {
            Compare = Compare,
            Preset = Preset,
            Edits = Edits(),
            Suite = Suite,
            Data = new SuiteData
            {
                SugarCrepe = SugarCrepe,
                CocoImages = Images,
                InpaintCoco = InpaintCoco,
                Winoground = Winoground,
                Aro = Aro,
                AroCoco = AroCoco,
                AroFlickr = AroFlickr,
                MaxItems = MaxItems,
            },
        };
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var data = new DataLoadPrinter(Console.Error);
        EvaluationResults all = CliErrors.UserInput(() =>
            ModelEvaluation.Run(settings.Request(), data.Report, ConsoleDisplay.Instance.Status, Console.Error.WriteLine));
        data.PrintSummary("Evaluation data");
        foreach (string summary in all.SummaryLines())
        {
            Console.WriteLine(summary);
        }
        ConsoleDisplay.Print(all.Table());
        if (settings.Out is { } output)
        {
            Console.Error.WriteLine($"Wrote {output} and {ModelEvaluation.WriteFiles(all, output)}");
        }
        return 0;
    }
}
