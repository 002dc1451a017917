using System.Globalization;
using System.Text.RegularExpressions;

namespace HardNegRules.Benchmarks;

/// <summary>
/// Coverage against an independent count: <c>-- --coverage</c> counts the captions that hold a color word (a plain
/// regular expression over 36 color words, not the rules) and how many of them, and of all captions, get a color
/// negative from the compiled default pack.
/// </summary>
public static partial class ColorCoverage
{
    /// <summary>Runs the count over the benchmark corpus and prints it.</summary>
    public static void Run()
    {
        string[] captions = CaptionCorpus.Instance.Captions;
        IPermuter permuter = Permuters.Default;
        ulong color = ConceptMask.Of(permuter, ["color"]);
        var text = new char[8192];
        var results = new NegativeSpan[1];
        int holding = 0;
        int negative = 0;
        int holdingWithNegative = 0;
        var missed = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < captions.Length; i++)
        {
            Match word = ColorWord().Match(captions[i]);
            bool has = permuter.Permute(captions[i], 1, new NegativeSeed((ulong)i), text, results, color) > 0;
            negative += has ? 1 : 0;
            if (word.Success)
            {
                holding++;
                holdingWithNegative += has ? 1 : 0;
                if (!has)
                {
                    string key = word.Value.ToLowerInvariant();
                    missed[key] = missed.GetValueOrDefault(key) + 1;
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"captions {captions.Length:N0}; holding a color word {holding:N0} ({100.0 * holding / captions.Length:F1} %); with a color negative {negative:N0} ({100.0 * negative / captions.Length:F1} %); of those holding a color word, with a color negative {holdingWithNegative:N0} ({100.0 * holdingWithNegative / holding:F1} %)"));
        Console.WriteLine("first color word of captions without a color negative: " +
            string.Join(", ", missed.OrderByDescending(m => m.Value).Take(15).Select(m => $"{m.Key} {m.Value}")));
    }

    // Whole words only; a hyphen joins words ("red-haired" is not "red"), as in the rules.
    [GeneratedRegex(@"(?<![\w-])(red|orange|yellow|green|blue|purple|pink|brown|black|white|gr[ae]y|silver|gold|golden|tan|beige|khaki|maroon|burgundy|crimson|scarlet|violet|lavender|magenta|turquoise|teal|navy|ivory|cream|charcoal|bronze|copper|blond|blonde|olive|lime)(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ColorWord();
}
