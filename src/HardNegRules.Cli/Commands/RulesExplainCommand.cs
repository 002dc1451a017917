using System.ComponentModel;
using HardNegRules.Permutation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HardNegRules.Cli.Commands;

/// <summary><c>hardneg rules explain "caption"</c>: what matched where, and why a candidate was skipped.</summary>
public sealed class RulesExplainCommand : Command<RulesExplainCommand.Settings>
{
    /// <summary>Options of <c>rules explain</c>.</summary>
    public sealed class Settings : PermuterSettings
    {
        /// <summary>The caption.</summary>
        [CommandArgument(0, "<CAPTION>")]
        [Description("The caption to explain.")]
        public string Caption { get; init; } = string.Empty;
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        (RulePermuter permuter, _) = settings.Resolve();
        IReadOnlyList<TermExplanation> explanations = permuter.Explain(settings.Caption);
        AnsiConsole.MarkupLineInterpolated($"[bold]{settings.Caption}[/]  [grey](pack {permuter.Pack})[/]");
        if (explanations.Count == 0)
        {
            AnsiConsole.MarkupLine("[grey]No rule text found: no term of any concept of this pack.[/]");
            return 0;
        }

        var table = new Table().AddColumns("at", "text", "concept", "outcome", "rule", "replacements");
        foreach (TermExplanation e in explanations)
        {
            string replacements = string.Join(", ", e.Replacements);
            if (e.SkippedReplacements.Count > 0)
            {
                replacements += (replacements.Length > 0 ? "; " : string.Empty) + "skipped: " + string.Join(", ", e.SkippedReplacements);
            }

            table.AddRow(
                Markup.Escape($"{e.Start}+{e.Length}"),
                Markup.Escape(e.Text),
                Markup.Escape(e.Concept),
                (e.Used ? "[green]used[/] " : "[yellow]skipped[/] ") + Markup.Escape(e.Reason),
                Markup.Escape(e.Source),
                Markup.Escape(replacements));
        }

        AnsiConsole.Write(table);
        return 0;
    }
}
