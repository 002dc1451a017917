using HardNegRules.Data.Captions;
using HardNegRules.Negatives;

namespace HardNegRules.Cli.Commands;

/// <summary>Options of <c>hardneg negatives</c>.</summary>
internal sealed class NegativesSettings : CaptionFileSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("jsonl (the negatives contract) or negclip (NegCLIP/open_clip training TSV: title, filepath, neg_caption, neg_image).")]
    [DefaultValue(NegativesFormat.Jsonl)]
    public NegativesFormat Format { get; init; } = NegativesFormat.Jsonl;

    [CommandOption("--image-root <PREFIX>")]
    [Description("Prefix for image paths in --format negclip (e.g. coco/val2017/).")]
    public string ImageRoot { get; init; } = string.Empty;

    [CommandOption("--neg-images <N>")]
    [Description("For --format negclip: how many rows with captions nearest by concept overlap (other images) go in neg_image; 0 leaves the column out.")]
    [DefaultValue(3)]
    public int NegativeImages { get; init; } = 3;

    [CommandOption("--input-format <FORMAT>")]
    [Description("text, jsonl or coco; detected from the file when omitted.")]
    public CaptionFormat? InputFormat { get; init; }

    [CommandOption("--threads <N>")]
    [Description("Threads making negatives (default: the processor count). The output is the same for any N.")]
    public int? Threads { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        string.IsNullOrEmpty(Output) ? ValidationResult.Error("--output FILE is required.")
        : Threads < 1 ? ValidationResult.Error("--threads must be 1 or more.")
        : NegativeImages < 0 ? ValidationResult.Error("--neg-images must be 0 or more.")
        : base.Validate();
}
