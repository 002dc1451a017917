using System.ComponentModel;
using HardNegRules.Data.Captions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HardNegRules.Cli.Commands;

/// <summary>Options of <c>hardneg negatives</c>.</summary>
public sealed class NegativesSettings : PermuterSettings
{
    /// <summary>The captions file.</summary>
    [CommandOption("-i|--input <FILE>")]
    [Description("Captions: plain text (one per line), JSONL with a \"caption\" field (and \"id\"), or a COCO captions JSON.")]
    public string Input { get; init; } = string.Empty;

    /// <summary>The file to write.</summary>
    [CommandOption("-o|--output <FILE>")]
    [Description("The JSONL file to write (replaced atomically when complete).")]
    public string Output { get; init; } = string.Empty;

    /// <summary>The output's format.</summary>
    [CommandOption("--format <FORMAT>")]
    [Description("jsonl (the negatives contract) or negclip (NegCLIP/open_clip training TSV: title, filepath, neg_caption).")]
    [DefaultValue(NegativesFormat.Jsonl)]
    public NegativesFormat Format { get; init; } = NegativesFormat.Jsonl;

    /// <summary>Prefix of image paths in the NegCLIP TSV.</summary>
    [CommandOption("--image-root <PREFIX>")]
    [Description("Prefix for image paths in --format negclip (e.g. coco/val2017/).")]
    public string ImageRoot { get; init; } = string.Empty;

    /// <summary>The input's format, when its name does not tell.</summary>
    [CommandOption("--input-format <FORMAT>")]
    [Description("text, jsonl or coco; detected from the file when omitted.")]
    public CaptionFormat? InputFormat { get; init; }

    /// <summary>Worker threads, when given.</summary>
    [CommandOption("--threads <N>")]
    [Description("Threads making negatives (default: the processor count). The output is the same for any N.")]
    public int? ThreadsOption { get; init; }

    /// <summary>Worker threads: the option, or the processor count.</summary>
    public int Threads => ThreadsOption ?? Environment.ProcessorCount;

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrEmpty(Input) || string.IsNullOrEmpty(Output))
        {
            return ValidationResult.Error("--input FILE and --output FILE are required.");
        }

        if (ThreadsOption < 1)
        {
            return ValidationResult.Error("--threads must be 1 or more.");
        }

        return !File.Exists(Input) ? ValidationResult.Error($"Input file '{Input}' does not exist.") : base.Validate();
    }
}

/// <summary>Output formats of <c>hardneg negatives</c>.</summary>
public enum NegativesFormat
{
    /// <summary>The JSONL negatives contract: one record per caption.</summary>
    Jsonl,

    /// <summary>NegCLIP/open_clip training TSV: title, filepath, neg_caption.</summary>
    Negclip,
}
