using HardNegRules.Rules.Text;
using System.Runtime.CompilerServices;

namespace HardNegRules.Matching;

/// <summary>
/// Reads the words next to a term for context conditions and article repair. Only whitespace may separate neighbours:
/// punctuation ends a context, so "left, and" is not "left and". A phrase's word must stand apart from the term and from
/// the phrase's other words, except next to one of the phrase's punctuation marks, which may touch it: the phrase
/// <c>' s</c> holds in "orange's" as in "orange ' s". The start and the end of the caption are boundaries
/// like a punctuation mark: a context phrase that is (or ends with) ".", ",", ";", ":", "!" or "?" also holds at the
/// end of the caption, and one that is (or starts with) such a mark also holds at its start.
/// </summary>
internal static class Neighbours
{
    /// <summary>Whether the words directly after <paramref name="end"/> are <paramref name="words"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool FollowedBy(ReadOnlySpan<char> text, int end, string[] words)
    {
        int pos = end;
        for (int w = 0; w < words.Length; w++)
        {
            string word = words[w];
            int start = SkipSpaceForward(text, pos);
            bool afterMark = w > 0 && IsPunctuation(words[w - 1]);
            if (IsPunctuation(word))
            {
                // "holding an orange" ends the caption as "holding an orange." would: the end is a boundary too.
                if (w == words.Length - 1 && IsBoundaryMark(word[0]) && AtEnd(text, start))
                {
                    return true;
                }

                // A punctuation mark may follow with or without space: "an orange." / "an orange ,".
                if (start >= text.Length || text[start] != word[0])
                {
                    return false;
                }

                pos = start + 1;
                continue;
            }

            if ((start == pos && !afterMark) || !WordAt(text, start, word))
            {
                return false;
            }

            pos = start + word.Length;
        }

        return true;
    }

    /// <summary>Whether the words directly before <paramref name="start"/> are <paramref name="words"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool PrecededBy(ReadOnlySpan<char> text, int start, string[] words)
    {
        int pos = start;
        for (int w = words.Length - 1; w >= 0; w--)
        {
            string word = words[w];
            int end = SkipSpaceBackward(text, pos);
            bool beforeMark = w < words.Length - 1 && IsPunctuation(words[w + 1]);
            if (IsPunctuation(word))
            {
                if (w == 0 && IsBoundaryMark(word[0]) && AtStart(text, end))
                {
                    return true;
                }

                if (end == 0 || text[end - 1] != word[0])
                {
                    return false;
                }

                pos = end - 1;
                continue;
            }

            if ((end == pos && !beforeMark) || end - word.Length < 0 || !WordAt(text, end - word.Length, word))
            {
                return false;
            }

            pos = end - word.Length;
        }

        return true;
    }

    /// <summary>The word directly before <paramref name="start"/> (whitespace between), as a range; false if none.</summary>
    public static bool PreviousWord(ReadOnlySpan<char> text, int start, out int wordStart, out int wordLength)
    {
        int end = SkipSpaceBackward(text, start);
        int begin = end;
        while (begin > 0 && CaptionChars.IsWordChar(text[begin - 1]))
        {
            begin--;
        }

        wordStart = begin;
        wordLength = end - begin;
        return end < start && wordLength > 0;
    }

    /// <summary>
    /// The indefinite article that belongs to a term at <paramref name="start"/>: the word right before it, with only
    /// whitespace and opening quotes or brackets between (<c>An "Apple" logo</c>); false when that word is not "a" or
    /// "an".
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool ArticleBefore(ReadOnlySpan<char> text, int start, out int articleStart, out int articleLength, out bool isAn)
    {
        int end = SkipSpaceBackward(text, start);
        // An opening quote starts a word: whitespace, the caption's start or another opening mark before it. A quote
        // after a letter closes something ("no" red) and an apostrophe after a letter is a possessive (dogs' red).
        while (end > 0 && IsOpening(text[end - 1]) && (end == 1 || CaptionChars.Fold(text[end - 2]) == ' ' || IsOpening(text[end - 2])))
        {
            end = SkipSpaceBackward(text, end - 1);
        }

        int begin = end;
        while (begin > 0 && CaptionChars.IsWordChar(text[begin - 1]))
        {
            begin--;
        }

        articleStart = begin;
        articleLength = end - begin;
        ReadOnlySpan<char> word = text.Slice(begin, end - begin);
        isAn = word.Length == 2 && CaptionChars.Fold(word[0]) == 'a' && CaptionChars.Fold(word[1]) == 'n';
        return end < start && (isAn || (word.Length == 1 && CaptionChars.Fold(word[0]) == 'a'));
    }

    /// <summary>
    /// Whether two terms form one unit: only a coordination ("and", "or", "&amp;", "/" or a comma, with whitespace) or
    /// only whitespace separates them ("black and white", "red, blue", "black/white", "brown red").
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Joined(ReadOnlySpan<char> text, int firstEnd, int secondStart)
    {
        if (firstEnd < 0 || secondStart <= firstEnd)
        {
            return false;
        }

        ReadOnlySpan<char> between = text[firstEnd..secondStart].Trim();
        if (between.IsEmpty || between is "," or "&" or "/")
        {
            return true;
        }

        int start = between[0] == ',' ? 1 : 0;
        ReadOnlySpan<char> word = between[start..].Trim();
        return word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether the text at [<paramref name="start"/>, <paramref name="end"/>) is part of a name: it is capitalised
    /// ("Green", not "GREEN") and so is the word right after it, or the word right before it where that word is not a
    /// sentence's first ("a Green Bay Packers hat", "the Toronto Blue Jays", "Big Ben").
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool InName(ReadOnlySpan<char> text, int start, int end)
    {
        if (!Capitalised(text, start))
        {
            return false;
        }

        int next = SkipSpaceForward(text, end);
        if (next > end && Capitalised(text, next))
        {
            return true;
        }

        return PreviousWord(text, start, out int previous, out _) && Capitalised(text, previous) && !AtSentenceStart(text, previous);
    }

    /// <summary>
    /// Whether the text at [<paramref name="start"/>, <paramref name="end"/>) lies inside a web address or a handle: its
    /// run of non-space characters holds "://", "www." or "@", or ends its host in a common domain ("red.com",
    /// "x.co/white", "@cat", "http://blue.org"). A full stop without a space after it is a sentence break ("dog.The red
    /// car"), not an address.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool InAddress(ReadOnlySpan<char> text, int start, int end)
    {
        // The common cases cost a few reads: whitespace before, and whitespace after or a mark that ends a clause ("a
        // horse.", "red, blue").
        if ((start == 0 || char.IsWhiteSpace(text[start - 1])) && (end == text.Length || char.IsWhiteSpace(text[end]) ||
            (text[end] is '.' or ',' or ';' or '!' or '?' && (end + 1 == text.Length || char.IsWhiteSpace(text[end + 1])))))
        {
            return false;
        }

        int first = start;
        while (first > 0 && !char.IsWhiteSpace(text[first - 1]))
        {
            first--;
        }

        int last = end;
        while (last < text.Length && !char.IsWhiteSpace(text[last]))
        {
            last++;
        }

        // Most such runs are a word and its punctuation ("horse.", "(red)"): without '@', '/', ':' or a dot before a
        // letter, there is nothing more to look for.
        ReadOnlySpan<char> token = text[first..last];
        bool marked = false;
        for (int k = 0; k < token.Length && !marked; k++)
        {
            marked = token[k] is '@' or '/' or ':' || (token[k] == '.' && k + 1 < token.Length && CaptionChars.IsWordChar(token[k + 1]));
        }

        if (!marked)
        {
            return false;
        }

        if (token.Contains('@') || token.Contains("://", StringComparison.Ordinal) || token.Contains("www.", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (string domain in Domains)
        {
            int at = token.IndexOf(domain, StringComparison.OrdinalIgnoreCase);
            int after = at + domain.Length;
            if (at > 0 && CaptionChars.IsWordChar(token[at - 1]) && (after == token.Length || token[after] is '/' or '.' or ':' or '?'))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] Domains = [".com", ".org", ".net", ".edu", ".gov", ".co", ".io"];

    /// <summary>Whether the word at <paramref name="start"/> begins with a capital letter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool StartsUpper(ReadOnlySpan<char> text, int start) => start < text.Length && char.IsUpper(text[start]);

    /// <summary>
    /// Whether a word at <paramref name="start"/> opens a sentence: only whitespace and opening quotes or brackets lie
    /// between it and the caption's start or a full stop, question or exclamation mark (and its closing quotes).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool AtSentenceStart(ReadOnlySpan<char> text, int start)
    {
        int pos = start;
        while (pos > 0 && (IsOpening(text[pos - 1]) || CaptionChars.Fold(text[pos - 1]) == ' '))
        {
            pos--;
        }

        while (pos > 0 && IsClosing(text[pos - 1]))
        {
            pos--;
        }

        return pos == 0 || text[pos - 1] is '.' or '!' or '?';
    }

    // A capital followed by a lower-case letter: "Green", "McDonald", not "GREEN" or "A".
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Capitalised(ReadOnlySpan<char> text, int start) =>
        start + 1 < text.Length && char.IsUpper(text[start]) && char.IsLower(text[start + 1]);

    /// <summary>Whether a context word is a single punctuation mark (matched as a character, spaces optional).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsPunctuation(string word) => word.Length == 1 && !CaptionChars.IsWordChar(word[0]) && word[0] != ' ';

    // Marks that end a phrase: the caption's own start and end count as one of them.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsBoundaryMark(char c) => c is '.' or ',' or ';' or ':' or '!' or '?';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsOpening(char c) => c is '"' or '\'' or '(' or '[' or '\u201C' or '\u2018' or '\u00AB';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsClosing(char c) => c is '"' or '\'' or ')' or ']' or '\u201D' or '\u2019' or '\u00BB';

    // Only closing quotes, brackets and whitespace remain after pos.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool AtEnd(ReadOnlySpan<char> text, int pos)
    {
        while (pos < text.Length && (IsClosing(text[pos]) || CaptionChars.Fold(text[pos]) == ' '))
        {
            pos++;
        }

        return pos >= text.Length;
    }

    // Only opening quotes, brackets and whitespace come before pos.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool AtStart(ReadOnlySpan<char> text, int pos)
    {
        while (pos > 0 && (IsOpening(text[pos - 1]) || CaptionChars.Fold(text[pos - 1]) == ' '))
        {
            pos--;
        }

        return pos == 0;
    }

    // The whole word at [start, start + word.Length): same letters (folded) and word boundaries on both sides.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool WordAt(ReadOnlySpan<char> text, int start, string word)
    {
        int end = start + word.Length;
        if (end > text.Length || (start > 0 && CaptionChars.IsWordChar(text[start - 1])) ||
            (end < text.Length && CaptionChars.IsWordChar(text[end])))
        {
            return false;
        }

        for (int i = 0; i < word.Length; i++)
        {
            if (CaptionChars.Fold(text[start + i]) != word[i])
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int SkipSpaceForward(ReadOnlySpan<char> text, int pos)
    {
        while (pos < text.Length && CaptionChars.Fold(text[pos]) == ' ')
        {
            pos++;
        }

        return pos;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int SkipSpaceBackward(ReadOnlySpan<char> text, int pos)
    {
        while (pos > 0 && CaptionChars.Fold(text[pos - 1]) == ' ')
        {
            pos--;
        }

        return pos;
    }
}
