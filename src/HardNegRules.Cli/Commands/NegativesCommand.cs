using System.ComponentModel;
using System.Diagnostics;
using HardNegRules.Data.Captions;
using HardNegRules.Data.IO;
using HardNegRules.Output;
using HardNegRules.Permutation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HardNegRules.Cli.Commands;

/// <summary>
/// <c>hardneg negatives --input FILE --output FILE.jsonl</c>: hard negatives for a file of captions, in the JSONL contract.
/// The output is written whole or not at all; unreadable records are reported with their place, counted and skipped.
/// </summary>
public sealed class NegativesCommand : Command<NegativesCommand.Settings>
{
    /// <summary>Options of <c>negatives</c>.</summary>
    public sealed class Settings : PermuterSettings
    {
        /// <summary>The captions file.</summary>
        [CommandOption("-i|--input <FILE>")]
        [Description("Captions: plain text (one per line), JSONL with a \"caption\" field (and \"id\"), or a COCO captions JSON.")]
        public string Input { get; init; } = string.Empty;

        /// <summary>The JSONL file to write.</summary>
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

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (string.IsNullOrEmpty(Input) || string.IsNullOrEmpty(Output))
            {
                return ValidationResult.Error("--input FILE and --output FILE are required.");
            }

            return !File.Exists(Input) ? ValidationResult.Error($"Input file '{Input}' does not exist.") : base.Validate();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        (RulePermuter permuter, ulong mask) = settings.Resolve();
        long captions = 0;
        long withNegatives = 0;
        long negatives = 0;
        long skipped = 0;
        var errors = new List<CaptionReadError>();
        var clock = Stopwatch.StartNew();

        CliErrors.Stderr.Status().Start("Writing negatives...", status =>
        {
            AtomicFile.Write(settings.Output, stream =>
            {
                using var json = settings.Format == NegativesFormat.Jsonl ? new NegativeJsonWriter(stream) : null;
                using var text = settings.Format == NegativesFormat.Negclip ? new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) : null;
                var tsv = text is null ? null : new NegClipTsvWriter(text);
                foreach (CaptionRecord record in CaptionFileReader.Read(settings.Input, errors.Add, settings.InputFormat))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    IReadOnlyList<HardNegative> found = permuter.Permute(record.Caption, settings.K,
                        NegativeSeed.For(settings.Seed, record.Id, settings.Epoch), mask);
                    if (tsv is not null)
                    {
                        skipped += tsv.Write(record.Caption, settings.ImageRoot + (record.ImageFile ?? string.Empty), found) ? 0 : 1;
                    }
                    else
                    {
                        json!.Write(record.Id, record.IdIsNumber, record.Caption, found);
                    }

                    captions++;
                    negatives += found.Count;
                    withNegatives += found.Count > 0 ? 1 : 0;
                    if ((captions & 0x3FFF) == 0)
                    {
                        status.Status($"{captions:N0} captions, {captions / Math.Max(clock.Elapsed.TotalSeconds, 1e-3):N0}/s");
                    }
                }
            });
        });

        foreach (CaptionReadError error in errors.Take(20))
        {
            Console.Error.WriteLine($"{error}: skipped");
        }

        if (errors.Count > 20)
        {
            Console.Error.WriteLine($"... and {errors.Count - 20} more unreadable records.");
        }

        Console.Error.WriteLine(
            $"Wrote {captions:N0} records ({withNegatives:N0} with negatives, {negatives:N0} negatives) to {settings.Output} in {clock.Elapsed.TotalSeconds:N1} s; {errors.Count:N0} unreadable records skipped."
            + (settings.Format == NegativesFormat.Negclip ? $" {skipped:N0} captions without negatives left out of the TSV (NegCLIP needs one per row)." : string.Empty));
        return 0;
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
