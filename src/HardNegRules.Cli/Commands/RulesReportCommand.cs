using HardNegRules.Data.IO;
using HardNegRules.Quality;

namespace HardNegRules.Cli.Commands;

/// <summary>
/// <c>hardneg rules report --input FILE</c>: coverage per concept and automated defect counts of a pack's negatives on
/// real captions, checked against the rule files read independently of the engine.
/// </summary>
internal sealed class RulesReportCommand : Command<CaptionFileSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, CaptionFileSettings settings, CancellationToken cancellationToken)
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
            AtomicFile.Write(output, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(markdown)));
        }

        if (errors > 0)
        {
            Console.Error.WriteLine($"{errors} unreadable records skipped.");
        }

        return 0;
    }
}
