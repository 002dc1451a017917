namespace HardNegRules.Quality;

/// <summary>
/// Where two texts differ, word by word (case and punctuation ignored): the words after their common beginning and before
/// their common end. An a/an that changes with the word after it is left out, as the article repair makes it.
/// </summary>
/// <param name="Start">Where the differing words start in the first text (UTF-16 units).</param>
/// <param name="End">Where they end in the first text; equal to <paramref name="Start"/> when the first text has none.</param>
/// <param name="Words">The number of differing words in the first text.</param>
/// <param name="OtherStart">Where the differing words start in the second text.</param>
/// <param name="OtherEnd">Where they end in the second text.</param>
/// <param name="OtherWords">The number of differing words in the second text.</param>
public readonly record struct WordDiff(int Start, int End, int Words, int OtherStart, int OtherEnd, int OtherWords)
{
    /// <summary>Compares two texts; null when they have the same words.</summary>
    /// <param name="first">The first text (a caption).</param>
    /// <param name="second">The second text (its negative).</param>
    /// <returns>The differing region, or null.</returns>
    public static WordDiff? Of(string first, string second)
    {
        IReadOnlyList<CaptionWord> a = CaptionWords.Split(first);
        IReadOnlyList<CaptionWord> b = CaptionWords.Split(second);
        int prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix].Folded == b[prefix].Folded)
        {
            prefix++;
        }

        int suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix].Folded == b[b.Count - 1 - suffix].Folded)
        {
            suffix++;
        }

        if (prefix == a.Count && prefix == b.Count)
        {
            return null;
        }

        int aFirst = prefix;
        int bFirst = prefix;
        if (aFirst < a.Count - suffix - 1 && bFirst < b.Count - suffix - 1 && IsArticle(a[aFirst]) && IsArticle(b[bFirst]))
        {
            aFirst++;
            bFirst++;
        }

        return new WordDiff(Span(a, aFirst, a.Count - suffix, first.Length).Start, Span(a, aFirst, a.Count - suffix, first.Length).End,
            a.Count - suffix - aFirst, Span(b, bFirst, b.Count - suffix, second.Length).Start, Span(b, bFirst, b.Count - suffix, second.Length).End,
            b.Count - suffix - bFirst);
    }

    private static bool IsArticle(CaptionWord word) => word.Folded is "a" or "an";

    private static (int Start, int End) Span(IReadOnlyList<CaptionWord> words, int first, int end, int textLength)
    {
        if (first >= end)
        {
            int at = first < words.Count ? words[first].Start : textLength;
            return (at, at);
        }

        return (words[first].Start, words[end - 1].End);
    }
}
