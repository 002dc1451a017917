using HardNegRules.Rules.Text;
using System.Runtime.CompilerServices;

namespace HardNegRules.Matching;

/// <summary>
/// The phrases of one context condition, indexed by the word that touches the term (a phrase after the term by its
/// first word, one before it by its last), so that checking a list of forty people words costs one word read and a
/// vectorized search instead of forty comparisons. Only the phrases whose touching word is the caption's word there are
/// checked in full, by <see cref="Neighbours"/>, so the answer is exactly theirs. Phrases whose touching word is a
/// punctuation mark or holds a character that is not a word character are always checked in full.
/// </summary>
internal sealed class PhraseIndex
{
    private readonly string[][] _phrases;
    private readonly bool _after;
    // The keyed phrases sorted by the hash of their touching word (_keys), so that the phrases of one word are a run;
    // _slots is an open-addressing table from a hash to the position of its run plus one (0: empty), at most half full,
    // so that a lookup costs one or two probes however long the list is (a not-after list of 72 phrases, or a
    // vocabulary of hundreds).
    private readonly int[] _keys;
    private readonly int[] _keyed;
    private readonly int[] _slots;
    private readonly int _slotShift;
    private readonly int[] _unkeyed;

    /// <summary>Indexes <paramref name="phrases"/>.</summary>
    /// <param name="phrases">The phrases, each as its folded words.</param>
    /// <param name="after">True for phrases after the term (not-before, only-before), false for phrases before it.</param>
    public PhraseIndex(string[][] phrases, bool after)
    {
        _phrases = phrases;
        _after = after;
        var keys = new List<int>();
        var keyed = new List<int>();
        var unkeyed = new List<int>();
        for (int p = 0; p < phrases.Length; p++)
        {
            string[] words = phrases[p];
            string touching = words.Length == 0 ? string.Empty : after ? words[0] : words[^1];
            if (touching.Length > 0 && touching.All(CaptionChars.IsWordChar))
            {
                keys.Add(Hash(touching));
                keyed.Add(p);
            }
            else
            {
                unkeyed.Add(p);
            }
        }

        int[] order = [.. Enumerable.Range(0, keys.Count).OrderBy(k => keys[k]).ThenBy(k => keyed[k])];
        _keys = [.. order.Select(k => keys[k])];
        _keyed = [.. order.Select(k => keyed[k])];
        _unkeyed = [.. unkeyed];
        int bits = 1;
        while ((1 << bits) < 2 * _keys.Length)
        {
            bits++;
        }

        _slotShift = 32 - bits;
        _slots = new int[1 << bits];
        for (int k = 0; k < _keys.Length; k++)
        {
            if (k > 0 && _keys[k] == _keys[k - 1])
            {
                continue;
            }

            int slot = SlotOf(_keys[k]);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & (_slots.Length - 1);
            }

            _slots[slot] = k + 1;
        }
    }

    /// <summary>Whether there are no phrases.</summary>
    public bool IsEmpty => _phrases.Length == 0;

    /// <summary>Whether there are phrases indexed by their touching word (so the word there is worth reading).</summary>
    public bool HasKeys => _keys.Length > 0;

    /// <summary>
    /// Whether any phrase stands right after <paramref name="at"/> (phrases after the term: <paramref name="at"/> is its
    /// end) or right before it (phrases before the term: its start).
    /// </summary>
    /// <param name="text">The caption.</param>
    /// <param name="at">The term's end or start.</param>
    /// <returns>True when one of the phrases is there.</returns>
    public bool Any(ReadOnlySpan<char> text, int at) =>
        Any(text, at, _keys.Length == 0 ? default : _after ? WordAfter(text, at) : WordBefore(text, at));

    /// <summary>
    /// <see cref="Any(ReadOnlySpan{char}, int)"/> with the word touching <paramref name="at"/> already read (by
    /// <see cref="WordAfter"/> for phrases after the term, <see cref="WordBefore"/> for phrases before it), so that the
    /// conditions of one side share one read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Any(ReadOnlySpan<char> text, int at, NeighbourWord word)
    {
        foreach (int p in _unkeyed)
        {
            if (Holds(text, at, _phrases[p]))
            {
                return true;
            }
        }

        if (!word.Present)
        {
            return false;
        }

        if (_keys.Length == 0)
        {
            return false;
        }

        int[] slots = _slots;
        int[] keys = _keys;
        for (int slot = SlotOf(word.Hash); slots[slot] != 0; slot = (slot + 1) & (slots.Length - 1))
        {
            int first = slots[slot] - 1;
            if (keys[first] != word.Hash)
            {
                continue;
            }

            for (int k = first; k < keys.Length && keys[k] == word.Hash; k++)
            {
                if (Holds(text, at, _phrases[_keyed[k]]))
                {
                    return true;
                }
            }

            return false;
        }

        return false;
    }

    // Fibonacci hashing: the top bits of the hash times 2^32 / phi.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SlotOf(int hash) => (int)(unchecked((uint)hash * 2654435769u) >> _slotShift);

    /// <summary>
    /// The word right after <paramref name="at"/>: only whitespace may separate it from the term, and some must.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static NeighbourWord WordAfter(ReadOnlySpan<char> text, int at)
    {
        int start = at;
        while (start < text.Length && CaptionChars.Fold(text[start]) == ' ')
        {
            start++;
        }

        int hash = 0;
        int end = start;
        while (end < text.Length && CaptionChars.IsWordChar(text[end]))
        {
            hash = Step(hash, CaptionChars.Fold(text[end]));
            end++;
        }

        return new NeighbourWord(start != at && end != start, hash);
    }

    /// <summary>
    /// The word right before <paramref name="at"/>: only whitespace may separate it from the term, and some must.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static NeighbourWord WordBefore(ReadOnlySpan<char> text, int at)
    {
        int end = at;
        while (end > 0 && CaptionChars.Fold(text[end - 1]) == ' ')
        {
            end--;
        }

        int start = end;
        while (start > 0 && CaptionChars.IsWordChar(text[start - 1]))
        {
            start--;
        }

        if (end == at || end == start)
        {
            return default;
        }

        int hash = 0;
        for (int i = start; i < end; i++)
        {
            hash = Step(hash, CaptionChars.Fold(text[i]));
        }

        return new NeighbourWord(true, hash);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Holds(ReadOnlySpan<char> text, int at, string[] phrase) =>
        _after ? Neighbours.FollowedBy(text, at, phrase) : Neighbours.PrecededBy(text, at, phrase);

    private static int Hash(string word)
    {
        int hash = 0;
        foreach (char c in word)
        {
            hash = Step(hash, c);
        }

        return hash;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(int hash, char c) => unchecked((hash * 31) + c);
}

/// <summary>The word next to a term, as <see cref="PhraseIndex"/> keys phrases: whether there is one, and its hash.</summary>
/// <param name="Present">Whether a word stands there (whitespace between, no punctuation).</param>
/// <param name="Hash">The hash of its folded characters.</param>
internal readonly record struct NeighbourWord(bool Present, int Hash);
