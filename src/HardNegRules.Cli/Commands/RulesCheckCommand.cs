using HardNegRules.Rules.Diagnostics;

namespace HardNegRules.Cli.Commands;

/// <summary><c>hardneg rules check [DIR]</c>: the build's diagnostics for a rules folder, without building.</summary>
internal sealed class RulesCheckCommand : Command<RulesCheckCommand.Settings>
{
    /// <summary>Options of <c>rules check</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[DIR]")]
        [Description("The rules folder (default: rules).")]
        public string Directory { get; init; } = "rules";
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        RuleSet rules = RuleSet.Check(settings.Directory);
        foreach (RuleDiagnostic diagnostic in rules.Diagnostics)
        {
            Console.Error.WriteLine(diagnostic.ToString());
        }

        int errors = rules.Diagnostics.Count(d => d.Severity == RuleSeverity.Error);
        int warnings = rules.Diagnostics.Count - errors;
        if (errors > 0)
        {
            ConsoleDisplay.Stderr.MarkupLineInterpolated($"[red]{errors} error(s)[/], {warnings} warning(s).");
            return CliErrors.RuleErrors;
        }

        AnsiConsole.MarkupLineInterpolated($"[green]OK[/]: packs {string.Join(", ", rules.Packs.Order(StringComparer.Ordinal))}; {warnings} warning(s).");
        return 0;
    }
}
