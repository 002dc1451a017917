using HardNegRules.Data.Captions;
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
        var errors = new CaptionErrorLog();
        string markdown = RuleQualityReport.RunOnFile(permuter, settings.RulesDirectory, settings.Pack, settings.Input, errors.Add,
            settings.Seed, settings.K).ToMarkdown();
        Console.Out.Write(markdown);
        if (settings.Output is { } output)
        {
            AtomicFile.Write(output, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(markdown)));
        }
        errors.WriteTo(Console.Error);
        if (errors.Count > 0)
        {
            Console.Error.WriteLine($"{errors.Count} unreadable records skipped.");
        }
        return 0;
    }
}
