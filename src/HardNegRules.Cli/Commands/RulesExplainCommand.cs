using HardNegRules.Permutation;

namespace HardNegRules.Cli.Commands;

/// <summary><c>hardneg rules explain "caption"</c>: what matched where, and why a candidate was skipped.</summary>
internal sealed class RulesExplainCommand : Command<RulesExplainCommand.Settings>
{
    /// <summary>Options of <c>rules explain</c>.</summary>
    public sealed class Settings : PermuterSettings
    {
        [CommandArgument(0, "<CAPTION>")]
        [Description("The caption to explain.")]
        public string Caption { get; init; } = string.Empty;
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        (IPermuter permuter, _) = settings.Resolve();
        IReadOnlyList<TermExplanation> explanations = permuter.Explain(settings.Caption);
        AnsiConsole.MarkupLineInterpolated($"[bold]{settings.Caption}[/]  [grey](pack {permuter.Pack})[/]");
        if (explanations.Count == 0)
        {
            AnsiConsole.MarkupLine("[grey]No rule text found: no term of any concept of this pack.[/]");
            return 0;
        }

        foreach (TermExplanation e in explanations)
        {
            string outcome = e.Used ? "[green]used[/]" : "[yellow]skipped[/]";
            AnsiConsole.MarkupLineInterpolated($"  {e.Start,4}+{e.Length,-3} [bold]{e.Text}[/]  {e.Concept}");
            AnsiConsole.MarkupLine($"           {outcome} {Markup.Escape(e.Reason)}  [grey]({Markup.Escape(e.Source)})[/]");
            if (e.Replacements.Count > 0)
            {
                AnsiConsole.MarkupLineInterpolated($"           replacements: {string.Join(", ", e.Replacements)}");
            }

            if (e.SkippedReplacements.Count > 0)
            {
                AnsiConsole.MarkupLineInterpolated($"           skipped replacements: {string.Join(", ", e.SkippedReplacements)}");
            }
        }
        return 0;
    }
}
