using HardNegRules.Output;
using HardNegRules.Permutation;

namespace HardNegRules.Cli.Commands;

/// <summary><c>hardneg permute "caption" ...</c>: the negatives of captions given on the command line.</summary>
internal sealed class PermuteCommand : Command<PermuteCommand.Settings>
{
    /// <summary>Options of <c>permute</c>.</summary>
    public sealed class Settings : CaptionSettings
    {
        /// <inheritdoc />
        protected override int DefaultK => 6;

        [CommandOption("--json")]
        [Description("Print the JSONL records of the negatives contract.")]
        public bool Json { get; init; }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        (IPermuter permuter, ulong mask) = settings.Resolve();
        using Stream stdout = Console.OpenStandardOutput();
        using var json = new NegativeJsonWriter(stdout);
        for (int i = 0; i < settings.Captions.Length; i++)
        {
            string caption = settings.Captions[i];
            string id = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            IReadOnlyList<HardNegative> negatives = permuter.Permute(caption, settings.K, NegativeSeed.For(settings.Seed, id, settings.Epoch), mask);
            if (settings.Json)
            {
                json.Write(id, idIsNumber: true, caption, negatives);
            }
            else
            {
                PrintReadable(caption, negatives);
            }
        }

        return 0;
    }

    private static void PrintReadable(string caption, IReadOnlyList<HardNegative> negatives)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]{caption}[/]");
        if (negatives.Count == 0)
        {
            AnsiConsole.MarkupLine("  [grey](no negative: no concept term the rules can change)[/]");
        }

        foreach (IGrouping<string, HardNegative> concept in negatives.GroupBy(n => n.Concept))
        {
            AnsiConsole.MarkupLineInterpolated($"  [cyan]{concept.Key}[/]");
            foreach (HardNegative negative in concept)
            {
                string change = negative.SwapEdit is { } swap
                    ? $"swap {negative.From} <-> {swap.From}"
                    : $"{negative.From} -> {negative.To}";
                AnsiConsole.MarkupLineInterpolated($"    {negative.Text}  [grey]({change})[/]");
            }
        }
    }
}
