using System.Globalization;
using System.Runtime.CompilerServices;

namespace HardNegRules.Rules.Text;

/// <summary>
/// How captions are read, character by character: what a word character is and how case is folded. The compiler, the
/// generated permuters and the interpreter all use these, so they agree on every caption.
/// </summary>
public static class CaptionChars
{
    // Bit 0: word character; the rest of each entry is the folded ASCII character.
    private static readonly ushort[] Ascii = BuildAscii();

    /// <summary>
    /// Folds a character for matching: ASCII letters to lower case, every whitespace character to a space, other
    /// characters to their invariant lower case.
    /// </summary>
    /// <param name="c">The character.</param>
    /// <returns>The folded character.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Fold(char c) => c < 128 ? (char)(Ascii[c] >> 1) : FoldNonAscii(c);

    /// <summary>
    /// Whether <paramref name="c"/> belongs to a word: letters, digits, '-' and '_'. Hyphenated words are one word, so
    /// "red-haired" or "t-shirt" never yield "red" or "shirt" by themselves. A combining mark, a joiner or a soft hyphen
    /// belongs to the word it follows ("red" + U+0301 is not "red"), and so does either half of a surrogate pair: a
    /// character outside the BMP right after a term makes it another word, which never yields a wrong match.
    /// </summary>
    /// <param name="c">The character.</param>
    /// <returns>True for a word character.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c) => c < 128 ? (Ascii[c] & 1) != 0 : IsNonAsciiWordChar(c);

    /// <summary>Folds a whole string with <see cref="Fold(char)"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The folded text.</returns>
    public static string Fold(string text)
    {
        char[] chars = new char[text.Length];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = Fold(text[i]);
        }

        return new string(chars);
    }

    private static bool IsNonAsciiWordChar(char c)
    {
        if (char.IsLetterOrDigit(c) || char.IsSurrogate(c))
        {
            return true;
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
                return true;
            default:
                // Zero-width non-joiner and joiner, soft hyphen, word joiner: they sit inside words.
                return c == '\u200C' || c == '\u200D' || c == '\u00AD' || c == '\u2060';
        }
    }

    private static char FoldNonAscii(char c) => char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c);

    private static ushort[] BuildAscii()
    {
        var table = new ushort[128];
        for (int c = 0; c < 128; c++)
        {
            char folded = (char)c;
            bool word = false;
            if (c >= 'A' && c <= 'Z')
            {
                folded = (char)(c + 32);
                word = true;
            }
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
            {
                word = true;
            }
            else if (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
            {
                folded = ' ';
            }

            table[c] = (ushort)((folded << 1) | (word ? 1 : 0));
        }

        return table;
    }
}
