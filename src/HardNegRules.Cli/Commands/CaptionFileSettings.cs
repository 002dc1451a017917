namespace HardNegRules.Cli.Commands;

/// <summary>The options of the commands that read a file of captions and write a file (<c>negatives</c>,
/// <c>rules report</c>).</summary>
internal class CaptionFileSettings : PermuterSettings
{
    [CommandOption("-i|--input <FILE>")]
    [Description("Captions: plain text (one per line), JSONL with a \"caption\" field (and \"id\"), or a COCO captions JSON.")]
    public string Input { get; init; } = string.Empty;

    [CommandOption("-o|--output <FILE>")]
    [Description("The file to write, replaced atomically when complete: negatives' JSONL or TSV; the report's Markdown (rules report also prints it).")]
    public string? Output { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        string.IsNullOrEmpty(Input) ? ValidationResult.Error("--input FILE is required.")
        : Data.IO.FileStatus.Kind(Input) is null ? ValidationResult.Error($"Input file '{Input}' does not exist.")
        : base.Validate();
}
