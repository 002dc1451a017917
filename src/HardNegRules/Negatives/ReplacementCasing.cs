using System.Runtime.CompilerServices;

namespace HardNegRules.Negatives;

/// <summary>
/// The casing a replacement takes from the text it replaces ("Red" -> "Blue", "RED" -> "BLUE", "Teddy Bear" -> "Hair
/// Drier"), without a string per negative: one rule for the permuter's writing of a negative's text and for the
/// <c>to</c> of its provenance, so the two always agree.
/// </summary>
internal static class ReplacementCasing
{
    /// <summary>
    /// Writes <paramref name="replacement"/> into <paramref name="destination"/> cased like the caption's text at
    /// [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>). A capital letter before a hyphen
    /// ("T-shirt", "V-neck", "A-line") is the word's spelling, not its casing, except where the word opens a sentence:
    /// "a white T-shirt" -> "a white sweater", "T-shirt with a logo" -> "Sweater with a logo".
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CopyCased(ReadOnlySpan<char> caption, int start, int length, ReadOnlySpan<char> replacement, Span<char> destination)
    {
        ReadOnlySpan<char> original = caption.Slice(start, length);
        if (original.Length >= 3 && original[1] == '-' && IsUpper(original[0]) && char.IsLower(original[2]) &&
            !Matching.Neighbours.AtSentenceStart(caption, start))
        {
            replacement.CopyTo(destination);
            return;
        }

        CopyCased(original, replacement, destination);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CopyCased(ReadOnlySpan<char> original, ReadOnlySpan<char> replacement, Span<char> destination)
    {
        replacement.CopyTo(destination);
        int letters = 0;
        int upper = 0;
        foreach (char c in original)
        {
            if (c < 128)
            {
                // ASCII without the Unicode tables: a letter is A-Z or a-z.
                bool isUpper = (uint)(c - 'A') <= 'Z' - 'A';
                letters += isUpper || (uint)(c - 'a') <= 'z' - 'a' ? 1 : 0;
                upper += isUpper ? 1 : 0;
            }
            else if (char.IsLetter(c))
            {
                letters++;
                upper += char.IsUpper(c) ? 1 : 0;
            }
        }

        if (letters >= 2 && upper == letters)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = char.ToUpperInvariant(destination[i]);
            }
        }
        else if (original.Length > 0 && destination.Length > 0 && IsUpper(original[0]))
        {
            // "Teddy Bear" -> "Hair Drier": a multiword term in title case keeps it on every word; "Light blue" -> "Dark
            // green" only on the first.
            bool titleCase = IsTitleCase(original);
            for (int i = 0; i < destination.Length; i++)
            {
                if (i == 0 || (titleCase && destination[i - 1] == ' '))
                {
                    destination[i] = char.ToUpperInvariant(destination[i]);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsUpper(char c) => c < 128 ? (uint)(c - 'A') <= 'Z' - 'A' : char.IsUpper(c);

    // Two words or more, each starting with a capital.
    private static bool IsTitleCase(ReadOnlySpan<char> original)
    {
        int words = 0;
        for (int i = 0; i < original.Length; i++)
        {
            bool wordStart = (i == 0 || char.IsWhiteSpace(original[i - 1])) && !char.IsWhiteSpace(original[i]);
            if (wordStart)
            {
                if (!IsUpper(original[i]))
                {
                    return false;
                }

                words++;
            }
        }

        return words >= 2;
    }
}
