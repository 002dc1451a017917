using HardNegRules.Matching;
using HardNegRules.Rules.Text;

namespace HardNegRules.Permutation;

/// <summary>
/// Writes a negative: the caption with one or two terms changed, each replacement cased like the text it replaces, and
/// an indefinite article right before a changed term repaired to fit it ("an apple" -> "a banana").
/// </summary>
internal static class NegativeWriter
{
    /// <summary>Writes the caption with <paramref name="match"/> replaced by term <paramref name="to"/>; -1 if it does not fit.</summary>
    public static int WriteReplace(PermuterTables tables, ReadOnlySpan<char> caption, TermMatch match, int to, Span<char> destination)
    {
        var buffer = default(EditBuffer);
        Span<Edit> edits = buffer;
        int count = AddEdits(tables, caption, match, to, edits, 0);
        return Write(caption, edits[..count], destination);
    }

    /// <summary>Writes the caption with two matches exchanged, each in the other's place and its own form.</summary>
    public static int WriteSwap(PermuterTables tables, ReadOnlySpan<char> caption, TermMatch first, TermMatch second, Span<char> destination)
    {
        var buffer = default(EditBuffer);
        Span<Edit> edits = buffer;
        int count = AddEdits(tables, caption, first, second.Term, edits, 0);
        count = AddEdits(tables, caption, second, first.Term, edits, count);
        return Write(caption, edits[..count], destination);
    }

    /// <summary>The replacement cased like the original: "Red" -> "Blue", "RED" -> "BLUE", "red" -> "blue".</summary>
    public static string Cased(ReadOnlySpan<char> original, string replacement)
    {
        Span<char> buffer = replacement.Length <= 256 ? stackalloc char[replacement.Length] : new char[replacement.Length];
        CopyCased(original, replacement, buffer);
        return new string(buffer);
    }

    private static int AddEdits(PermuterTables tables, ReadOnlySpan<char> caption, TermMatch match, int to, Span<Edit> edits, int count)
    {
        string replacement = tables.Form(to, match.Form)!;
        if (Neighbours.PreviousWord(caption, match.Start, out int articleStart, out int articleLength) && IsArticle(caption.Slice(articleStart, articleLength), out bool isAn))
        {
            bool wantAn = tables.TermAn[(to * PermuterTables.FormCount) + match.Form];
            if (wantAn != isAn)
            {
                edits[count++] = new Edit(articleStart, articleLength, wantAn ? "an" : "a");
            }
        }

        edits[count++] = new Edit(match.Start, match.Length, replacement);
        return count;
    }

    private static bool IsArticle(ReadOnlySpan<char> word, out bool isAn)
    {
        isAn = word.Length == 2 && CaptionChars.Fold(word[0]) == 'a' && CaptionChars.Fold(word[1]) == 'n';
        return isAn || (word.Length == 1 && CaptionChars.Fold(word[0]) == 'a');
    }

    // Copies the caption, applying edits (non-overlapping) in position order.
    private static int Write(ReadOnlySpan<char> caption, Span<Edit> edits, Span<char> destination)
    {
        edits.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        int length = caption.Length;
        foreach (Edit edit in edits)
        {
            length += edit.Replacement.Length - edit.Length;
        }

        if (length > destination.Length)
        {
            return -1;
        }

        int from = 0;
        int to = 0;
        foreach (Edit edit in edits)
        {
            caption[from..edit.Start].CopyTo(destination[to..]);
            to += edit.Start - from;
            CopyCased(caption.Slice(edit.Start, edit.Length), edit.Replacement, destination.Slice(to, edit.Replacement.Length));
            to += edit.Replacement.Length;
            from = edit.Start + edit.Length;
        }

        caption[from..].CopyTo(destination[to..]);
        return length;
    }

    private static void CopyCased(ReadOnlySpan<char> original, string replacement, Span<char> destination)
    {
        replacement.AsSpan().CopyTo(destination);
        int letters = 0;
        int upper = 0;
        foreach (char c in original)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }
        }

        if (letters >= 2 && upper == letters)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = char.ToUpperInvariant(destination[i]);
            }
        }
        else if (original.Length > 0 && char.IsUpper(original[0]) && destination.Length > 0)
        {
            destination[0] = char.ToUpperInvariant(destination[0]);
        }
    }

    private readonly record struct Edit(int Start, int Length, string Replacement);

    // Room for two terms and their articles, on the stack.
    [System.Runtime.CompilerServices.InlineArray(4)]
    private struct EditBuffer
    {
        private Edit _first;
    }
}
