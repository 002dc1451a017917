using System.Text;

namespace HardNegRules.Quality;

/// <summary>
/// Lines a negative up with its caption: the negative must be the caption with each edit's <c>From</c> replaced by its
/// <c>To</c>, and at most the a/an right before each edit changed. When it is, the words of each replacement are located in
/// the negative for the grammar checks.
/// </summary>
internal sealed class NegativeAlignment
{
    private NegativeAlignment(IReadOnlyList<TermEdit> edits, string? problem, IReadOnlyList<(int First, int Last)> replacedWords,
        IReadOnlyList<(int First, int Last)> originalWords)
    {
        Edits = edits;
        Problem = problem;
        ReplacedWords = replacedWords;
        OriginalWords = originalWords;
    }

    /// <summary>The negative's edits in caption order.</summary>
    public IReadOnlyList<TermEdit> Edits { get; }

    /// <summary>Why the negative does not line up with its caption; null when it does.</summary>
    public string? Problem { get; }

    /// <summary>For each edit, the indices of its first and last word among the negative's words.</summary>
    public IReadOnlyList<(int First, int Last)> ReplacedWords { get; }

    /// <summary>For each edit, the indices of its first and last word among the caption's words.</summary>
    public IReadOnlyList<(int First, int Last)> OriginalWords { get; }

    public static NegativeAlignment Of(string caption, HardNegative negative)
    {
        var edits = new List<TermEdit> { negative.Edit };
        if (negative.SwapEdit is { } second)
        {
            edits.Add(second);
        }

        edits.Sort((a, b) => a.Start.CompareTo(b.Start));
        foreach (TermEdit edit in edits)
        {
            if (edit.Start < 0 || edit.Length < 0 || edit.Start + edit.Length > caption.Length ||
                !string.Equals(caption.Substring(edit.Start, edit.Length), edit.From, StringComparison.Ordinal))
            {
                return Fail(edits, $"the caption does not read '{edit.From}' at {edit.Start}");
            }
        }

        for (int i = 1; i < edits.Count; i++)
        {
            if (edits[i].Start < edits[i - 1].Start + edits[i - 1].Length)
            {
                return Fail(edits, "the two edits of the swap overlap");
            }
        }

        int[] articles = edits.Select(e => ArticleBefore(caption, e.Start)).ToArray();
        for (int toggles = 0; toggles < 1 << edits.Count; toggles++)
        {
            (string expected, List<(int Start, int End)> spans) = Build(caption, edits, articles, toggles);
            if (string.Equals(expected, negative.Text, StringComparison.Ordinal))
            {
                return new NegativeAlignment(edits, null, WordRanges(expected, spans), WordRanges(caption, edits.Select(e => (e.Start, e.Start + e.Length)).ToList()));
            }
        }

        (string plain, _) = Build(caption, edits, articles, 0);
        return Fail(edits, $"expected '{plain}' (a/an aside)");
    }

    private static NegativeAlignment Fail(List<TermEdit> edits, string problem) =>
        new(edits, problem, Array.Empty<(int, int)>(), Array.Empty<(int, int)>());

    // The start of an "a"/"an" separated from the edit by whitespace only; -1 when there is none.
    private static int ArticleBefore(string caption, int start)
    {
        int end = start;
        while (end > 0 && char.IsWhiteSpace(caption[end - 1]))
        {
            end--;
        }

        int begin = end;
        while (begin > 0 && CaptionWords.IsWordChar(caption[begin - 1]))
        {
            begin--;
        }

        if (end == start || begin == end)
        {
            return -1;
        }

        string word = caption[begin..end].ToLowerInvariant();
        return word is "a" or "an" ? begin : -1;
    }

    private static (string Text, List<(int Start, int End)> Spans) Build(string caption, List<TermEdit> edits, int[] articles, int toggles)
    {
        var text = new StringBuilder(caption.Length + 16);
        var spans = new List<(int, int)>();
        int from = 0;
        for (int i = 0; i < edits.Count; i++)
        {
            TermEdit edit = edits[i];
            if ((toggles & (1 << i)) != 0 && articles[i] >= 0)
            {
                text.Append(caption, from, articles[i] - from);
                int articleLength = caption[articles[i] + 1] is 'n' or 'N' ? 2 : 1;
                text.Append(Toggle(caption.Substring(articles[i], articleLength)));
                from = articles[i] + articleLength;
            }
            else if ((toggles & (1 << i)) != 0)
            {
                // Toggling an article that is not there gives nothing new; make this combination fail to match.
                return (string.Empty, spans);
            }

            text.Append(caption, from, edit.Start - from);
            spans.Add((text.Length, text.Length + edit.To.Length));
            text.Append(edit.To);
            from = edit.Start + edit.Length;
        }

        text.Append(caption, from, caption.Length - from);
        return (text.ToString(), spans);
    }

    private static string Toggle(string article) => article switch
    {
        "a" => "an",
        "A" => "An",
        "an" => "a",
        _ => article[..1],
    };

    private static List<(int, int)> WordRanges(string text, List<(int Start, int End)> spans)
    {
        IReadOnlyList<CaptionWord> words = CaptionWords.Split(text);
        var ranges = new List<(int, int)>();
        foreach ((int start, int end) in spans)
        {
            int first = -1;
            int last = -1;
            for (int w = 0; w < words.Count; w++)
            {
                if (words[w].Start >= start && words[w].End <= end)
                {
                    first = first < 0 ? w : first;
                    last = w;
                }
            }

            ranges.Add((first, last));
        }

        return ranges;
    }
}
