using HardNegRules.Matching;
using HardNegRules.Rules.Text;
using System.Runtime.CompilerServices;

namespace HardNegRules.Permutation;

/// <summary>
/// Writes a negative. A replacement writes the new term's form cased like the text it replaces; a swap moves the two
/// texts exactly as the caption writes them (spelling and casing), so the negative is a permutation of the caption's
/// words. Either way the indefinite article of a changed term (and no other word) is repaired to fit what now follows it
/// ("an apple" -> "a banana", <c>An "Apple"</c> -> <c>A "Pie"</c>).
/// </summary>
internal static class NegativeWriter
{
    /// <summary>Writes the caption with <paramref name="match"/> replaced by term <paramref name="to"/>; -1 if it does not fit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int WriteReplace(PermuterTables tables, ReadOnlySpan<char> caption, TermMatch match, int to, Span<char> destination)
    {
        var buffer = default(EditBuffer);
        Span<Edit> edits = buffer;
        int count = AddArticle(tables, caption, match.Start, to, match.Form, edits, 0);
        edits[count++] = new Edit(match.Start, match.Length, tables.Form(to, match.Form)!, 0, 0);
        return Write(caption, edits[..count], destination);
    }

    /// <summary>Writes the caption with two matches exchanged: each one's text, as written, in the other's place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int WriteSwap(PermuterTables tables, ReadOnlySpan<char> caption, TermMatch first, TermMatch second, Span<char> destination)
    {
        var buffer = default(EditBuffer);
        Span<Edit> edits = buffer;
        int count = AddArticle(tables, caption, first.Start, second.Term, second.Form, edits, 0);
        edits[count++] = new Edit(first.Start, first.Length, null, second.Start, second.Length);
        count = AddArticle(tables, caption, second.Start, first.Term, first.Form, edits, count);
        edits[count++] = new Edit(second.Start, second.Length, null, first.Start, first.Length);
        return Write(caption, edits[..count], destination);
    }

    /// <summary>The replacement cased like the caption's text at a place: "Red" -> "Blue", "RED" -> "BLUE", "red" -> "blue".</summary>
    public static string Cased(ReadOnlySpan<char> caption, int start, int length, string replacement)
    {
        Span<char> buffer = replacement.Length <= 256 ? stackalloc char[replacement.Length] : new char[replacement.Length];
        Negatives.ReplacementCasing.CopyCased(caption, start, length, replacement, buffer);
        return new string(buffer);
    }

    // The article of the term at termStart, when the term that lands there wants the other one.
    private static int AddArticle(PermuterTables tables, ReadOnlySpan<char> caption, int termStart, int term, int form, Span<Edit> edits, int count)
    {
        if (Neighbours.ArticleBefore(caption, termStart, out int articleStart, out int articleLength, out bool isAn))
        {
            bool wantAn = tables.TermAn[(term * PermuterTables.FormCount) + form];
            if (wantAn != isAn)
            {
                edits[count++] = new Edit(articleStart, articleLength, wantAn ? "an" : "a", 0, 0);
            }
        }

        return count;
    }

    // Copies the caption, applying edits (non-overlapping) in position order.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Write(ReadOnlySpan<char> caption, Span<Edit> edits, Span<char> destination)
    {
        // At most four edits: an insertion sort by position, without a comparer.
        for (int i = 1; i < edits.Length; i++)
        {
            Edit edit = edits[i];
            int j = i - 1;
            while (j >= 0 && edits[j].Start > edit.Start)
            {
                edits[j + 1] = edits[j];
                j--;
            }

            edits[j + 1] = edit;
        }

        int length = caption.Length;
        foreach (Edit edit in edits)
        {
            length += edit.NewLength - edit.Length;
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
            if (edit.Text is { } text)
            {
                Negatives.ReplacementCasing.CopyCased(caption, edit.Start, edit.Length, text, destination.Slice(to, text.Length));
            }
            else
            {
                caption.Slice(edit.SourceStart, edit.SourceLength).CopyTo(destination[to..]);
            }

            to += edit.NewLength;
            from = edit.Start + edit.Length;
        }

        caption[from..].CopyTo(destination[to..]);
        return length;
    }

    // Replace [Start, Start + Length) with Text cased like it, or (Text null) with the caption's own text at
    // [SourceStart, SourceStart + SourceLength), unchanged.
    private readonly record struct Edit(int Start, int Length, string? Text, int SourceStart, int SourceLength)
    {
        public int NewLength => Text?.Length ?? SourceLength;
    }

    // Room for two terms and their articles, on the stack.
    [System.Runtime.CompilerServices.InlineArray(4)]
    private struct EditBuffer
    {
        private Edit _first;
    }
}
