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
    private readonly int[] _keys;
    private readonly int[] _keyed;
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

        _keys = [.. keys];
        _keyed = [.. keyed];
        _unkeyed = [.. unkeyed];
    }

    /// <summary>Whether there are no phrases.</summary>
    public bool IsEmpty => _phrases.Length == 0;

    /// <summary>
    /// Whether any phrase stands right after <paramref name="at"/> (phrases after the term: <paramref name="at"/> is its
    /// end) or right before it (phrases before the term: its start).
    /// </summary>
    /// <param name="text">The caption.</param>
    /// <param name="at">The term's end or start.</param>
    /// <returns>True when one of the phrases is there.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Any(ReadOnlySpan<char> text, int at)
    {
        foreach (int p in _unkeyed)
        {
            if (Holds(text, at, _phrases[p]))
            {
                return true;
            }
        }

        if (_keys.Length == 0)
        {
            return false;
        }

        // Only whitespace may separate the term from a phrase's word, and some must: read the word there once.
        int hash = 0;
        if (_after)
        {
            int start = at;
            while (start < text.Length && CaptionChars.Fold(text[start]) == ' ')
            {
                start++;
            }

            int end = start;
            while (end < text.Length && CaptionChars.IsWordChar(text[end]))
            {
                hash = Step(hash, CaptionChars.Fold(text[end]));
                end++;
            }

            if (start == at || end == start)
            {
                return false;
            }
        }
        else
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
                return false;
            }

            for (int i = start; i < end; i++)
            {
                hash = Step(hash, CaptionChars.Fold(text[i]));
            }
        }

        ReadOnlySpan<int> keys = _keys;
        int offset = 0;
        int found;
        while ((found = keys[offset..].IndexOf(hash)) >= 0)
        {
            offset += found;
            if (Holds(text, at, _phrases[_keyed[offset]]))
            {
                return true;
            }

            offset++;
        }

        return false;
    }

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

    private static int Step(int hash, char c) => unchecked((hash * 31) + c);
}
