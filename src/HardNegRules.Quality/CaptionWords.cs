namespace HardNegRules.Quality;

/// <summary>A word of a caption with its place (UTF-16 units).</summary>
/// <param name="Text">The word as written.</param>
/// <param name="Start">Where it starts.</param>
/// <param name="Length">Its length.</param>
public readonly record struct CaptionWord(string Text, int Start, int Length)
{
    /// <summary>Where it ends (exclusive).</summary>
    public int End => Start + Length;

    /// <summary>The word in lower case, for comparisons.</summary>
    public string Folded => Text.ToLowerInvariant();
}

/// <summary>
/// Splits captions into words for the quality checks. A word is a run of letters, digits, '-' and '_', so "red-haired" is
/// one word and "man's" is "man" and "s": what a reader of the caption sees as words, written here on its own so that the
/// checks do not share the engine's code they are meant to check.
/// </summary>
public static class CaptionWords
{
    /// <summary>The words of <paramref name="text"/> in order.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The words with their places.</returns>
    public static IReadOnlyList<CaptionWord> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<CaptionWord>();
        int i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            words.Add(new CaptionWord(text[start..i], start, i - start));
        }

        return words;
    }

    /// <summary>The lower-case words of <paramref name="text"/>, for comparing texts while ignoring punctuation and spacing.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The folded words.</returns>
    public static string[] Folded(string text) => Split(text).Select(w => w.Folded).ToArray();

    /// <summary>Whether <paramref name="c"/> belongs to a word.</summary>
    /// <param name="c">The character.</param>
    /// <returns>True for letters, digits, '-' and '_'.</returns>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '-' || c == '_';
}
