using System.Buffers;
using System.Net;

namespace HardNegRules.Training.Tokenization;

/// <summary>
/// CLIP's text cleanup before BPE: HTML entities decoded (twice, as CLIP does, for doubly escaped text such as
/// <c>&amp;amp;amp;</c>), curly quotes straightened, runs of whitespace collapsed to one space, the ends trimmed,
/// and lower-casing.
/// </summary>
/// <remarks>
/// CLIP runs ftfy.fix_text first; ftfy is not available in .NET, so only the parts of it that change common captions
/// is done here: straight quotes (which let "it’s" split as "it" + "'s"). Mojibake repair, ligature and full-width
/// folding, control-character removal and NFC normalisation are not done; NFC in particular is a no-op under the
/// repository's InvariantGlobalization, so a decomposed "e" + U+0301 encodes differently from a precomposed "é". <see cref="WebUtility.HtmlDecode(string)"/> knows
/// the HTML 4 entities, Python's html.unescape the larger HTML 5 set. Lower-casing is .NET's invariant simple case
/// mapping; Python's str.lower differs on a handful of characters (final sigma, dotted capital I).
/// </remarks>
internal static class ClipTextCleaner
{
    private static readonly SearchValues<char> CurlyQuotes = SearchValues.Create("\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F");

    /// <summary>Returns the cleaned, lower-cased text that CLIP's BPE sees.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('&', StringComparison.Ordinal))
        {
            text = WebUtility.HtmlDecode(WebUtility.HtmlDecode(text));
        }

        return CollapseWhitespaceAndLowerCase(StraightenQuotes(text));
    }

    private static string StraightenQuotes(string text)
    {
        if (!text.AsSpan().ContainsAny(CurlyQuotes))
        {
            return text;
        }

        return string.Create(text.Length, text, static (destination, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                destination[i] = source[i] switch
                {
                    '\u2018' or '\u2019' or '\u201A' or '\u201B' => '\'',
                    '\u201C' or '\u201D' or '\u201E' or '\u201F' => '"',
                    var other => other,
                };
            }
        });
    }

    private static string CollapseWhitespaceAndLowerCase(string text)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        try
        {
            var length = 0;
            var pendingSpace = false;
            foreach (var character in text)
            {
                if (char.IsWhiteSpace(character))
                {
                    // Leading whitespace never sets the flag, so the start is trimmed; trailing whitespace is never written.
                    pendingSpace = length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    buffer[length++] = ' ';
                    pendingSpace = false;
                }

                buffer[length++] = character;
            }

            var collapsed = buffer.AsSpan(0, length);
            return string.Create(length, collapsed, static (destination, source) => source.ToLowerInvariant(destination));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
