using HardNegRules.Data.IO;
using HardNegRules.Quality;

namespace HardNegRules.Cli.Commands;

/// <summary>
/// <c>hardneg rules report --input FILE</c>: coverage per concept and automated defect counts of a pack's negatives on
/// real captions, checked against the rule files read independently of the engine.
/// </summary>
internal sealed class RulesReportCommand : Command<RulesReportCommand.Settings>
{
    /// <summary>Options of <c>rules report</c>.</summary>
    public sealed class Settings : PermuterSettings
    {
        [CommandOption("-i|--input <FILE>")]
        [Description("Captions: plain text, JSONL or COCO captions JSON.")]
        public string Input { get; init; } = string.Empty;

        [CommandOption("-o|--output <FILE>")]
        [Description("Also write the report as Markdown to FILE.")]
        public string? Output { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(Input) ? ValidationResult.Error("--input FILE is required.")
            : !File.Exists(Input) ? ValidationResult.Error($"Input file '{Input}' does not exist.")
            : base.Validate();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        (IPermuter permuter, _) = settings.Resolve();
        int errors = 0;
        string markdown = RuleQualityReport.RunOnFile(permuter, settings.RulesDirectory, settings.Pack, settings.Input, error =>
        {
            errors++;
            Console.Error.WriteLine($"{error}: skipped");
        }, settings.Seed, settings.K).ToMarkdown();
        Console.Out.Write(markdown);
        if (settings.Output is { } output)
        {
            AtomicFile.Write(output, stream =>
            {
                using var writer = new StreamWriter(stream, leaveOpen: true);
                writer.Write(markdown);
            });
        }

        if (errors > 0)
        {
            Console.Error.WriteLine($"{errors} unreadable records skipped.");
        }

        return 0;
    }
}
