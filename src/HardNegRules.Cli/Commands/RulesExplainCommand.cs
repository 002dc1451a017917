using HardNegRules.Permutation;

namespace HardNegRules.Cli.Commands;

/// <summary><c>hardneg rules explain "caption" ...</c>: what matched where in each caption, and why a candidate was skipped.</summary>
internal sealed class RulesExplainCommand : Command<CaptionSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, CaptionSettings settings, CancellationToken cancellationToken)
    {
        (IPermuter permuter, _) = settings.Resolve();
        foreach (string caption in settings.Captions)
        {
            Explain(caption, permuter);
        }
        return 0;
    }

    private static void Explain(string caption, IPermuter permuter)
    {
        IReadOnlyList<TermExplanation> explanations = permuter.Explain(caption);
        AnsiConsole.MarkupLineInterpolated($"[bold]{caption}[/]  [grey](pack {permuter.Pack})[/]");
        if (explanations.Count == 0)
        {
            AnsiConsole.MarkupLine("[grey]No rule text found: no term of any concept of this pack.[/]");
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
    }
}
