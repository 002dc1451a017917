using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HardNegRules.Rules.Compilation;
using HardNegRules.Rules.Text;

namespace HardNegRules.Matching;

/// <summary>
/// A pack's rule texts as a flat automaton over the caption's folded characters: characters map to a few classes, and
/// each state has one row of next states, one per class. The scan reads each character once in the common case, starts
/// only at word starts, keeps the longest text that ends at a word boundary, and leaves contexts to be checked after.
/// Built from the encoded trie (<see cref="MatchTrie.Encode"/>), which the generated permuters carry as data and the
/// interpreter computes at run time, so both scan with the same code over the same table.
/// </summary>
internal sealed class CaptionAutomaton
{
    private const int Dead = 0;
    private const int Root = 1;

    // Classes: 0 other non-word characters, 1.._firstWordClass - 1 non-word characters of rule texts (space, '&', ...),
    // _firstWordClass other word characters, above it word characters of rule texts.
    private readonly byte[] _asciiClass = new byte[128];
    private readonly char[] _otherChars;
    private readonly int[] _otherClasses;
    private readonly int _firstWordClass;
    private readonly int _classCount;
    private readonly int[] _next;
    private readonly int[] _accept;

    /// <summary>Builds the automaton from an encoded trie.</summary>
    /// <param name="encoded">The trie, as <see cref="MatchTrie.Encode"/> writes it.</param>
    public CaptionAutomaton(ReadOnlySpan<int> encoded)
    {
        // First pass: the nodes and the characters on their edges.
        var nodeOffsets = new List<int>();
        var chars = new SortedSet<char>();
        for (int at = 0; at < encoded.Length; at += 2 + (2 * encoded[at + 1]))
        {
            nodeOffsets.Add(at);
            for (int c = 0; c < encoded[at + 1]; c++)
            {
                chars.Add((char)encoded[at + 2 + (2 * c)]);
            }
        }

        var classOf = new Dictionary<char, int>();
        int next = 1;
        foreach (char c in chars.Where(c => !CaptionChars.IsWordChar(c)))
        {
            classOf[c] = next++;
        }

        _firstWordClass = next++;
        foreach (char c in chars.Where(CaptionChars.IsWordChar))
        {
            classOf[c] = next++;
        }

        _classCount = next;
        for (int c = 0; c < 128; c++)
        {
            _asciiClass[c] = (byte)ClassOfFolded(CaptionChars.Fold((char)c), (char)c, classOf);
        }

        // Non-ASCII characters of rule texts, for a binary search; an ASCII fold of a non-ASCII character (the Kelvin
        // sign folds to 'k') is found through the ASCII table.
        _otherChars = [.. classOf.Keys.Where(c => c >= 128).Order()];
        _otherClasses = [.. _otherChars.Select(c => classOf[c])];

        // Second pass: one row per state. State 0 is dead (all zeros), state 1 + n is trie node n (1 is the root).
        int states = nodeOffsets.Count + 1;
        _next = new int[states * _classCount];
        _accept = new int[states];
        _accept[Dead] = -1;
        for (int n = 0; n < nodeOffsets.Count; n++)
        {
            int at = nodeOffsets[n];
            _accept[n + 1] = encoded[at];
            for (int c = 0; c < encoded[at + 1]; c++)
            {
                int cls = classOf[(char)encoded[at + 2 + (2 * c)]];
                _next[((n + 1) * _classCount) + cls] = encoded[at + 3 + (2 * c)] + 1;
            }
        }
    }

    /// <summary>The number of states (with the dead state), for reports.</summary>
    public int States => _accept.Length;

    /// <summary>The number of character classes.</summary>
    public int Classes => _classCount;

    /// <summary>
    /// Finds the next rule text at or after <paramref name="i"/> that starts at a word start and ends at a word
    /// boundary (the longest at its start), and moves <paramref name="i"/> past it.
    /// </summary>
    /// <param name="caption">The caption.</param>
    /// <param name="i">Where to look from; moved past the text found, or to the end.</param>
    /// <param name="start">Where the text starts.</param>
    /// <param name="entry">Its first entry.</param>
    /// <returns>Its length, or 0 when the caption has no more.</returns>
    public int Next(ReadOnlySpan<char> caption, ref int i, out int start, out int entry)
    {
        // Table reads without bounds checks: every class is below _classCount and every state below States by
        // construction, so the hot loop is a load, an add and a compare per character.
        ref int next = ref MemoryMarshal.GetArrayDataReference(_next);
        ref int accept = ref MemoryMarshal.GetArrayDataReference(_accept);
        ref byte ascii = ref MemoryMarshal.GetArrayDataReference(_asciiClass);
        ref char text = ref MemoryMarshal.GetReference(caption);
        int classes = _classCount;
        int firstWord = _firstWordClass;
        int n = caption.Length;
        int pos = i;
        while (pos < n)
        {
            char ch = Unsafe.Add(ref text, pos);
            int cls = ch < 128 ? Unsafe.Add(ref ascii, ch) : NonAsciiClass(ch);
            if (cls < firstWord)
            {
                pos++;
                continue;
            }

            // A word starts here: walk the automaton, remembering the last accepting state that a boundary follows and
            // where the first word ended (to resume there when nothing matches).
            int wordStart = pos;
            int state = Unsafe.Add(ref next, classes + cls);
            pos++;
            int bestEnd = -1;
            int bestEntry = -1;
            int wordEnd = -1;
            while (state != Dead)
            {
                int c = 0;
                if (pos < n)
                {
                    ch = Unsafe.Add(ref text, pos);
                    c = ch < 128 ? Unsafe.Add(ref ascii, ch) : NonAsciiClass(ch);
                }

                if (c < firstWord)
                {
                    if (wordEnd < 0)
                    {
                        wordEnd = pos;
                    }

                    int accepted = Unsafe.Add(ref accept, state);
                    if (accepted >= 0)
                    {
                        bestEnd = pos;
                        bestEntry = accepted;
                    }

                    if (pos >= n)
                    {
                        break;
                    }
                }

                state = Unsafe.Add(ref next, (state * classes) + c);
                pos++;
            }

            if (bestEnd > 0)
            {
                i = bestEnd;
                start = wordStart;
                entry = bestEntry;
                return bestEnd - wordStart;
            }

            if (wordEnd >= 0)
            {
                pos = wordEnd;
            }
            else
            {
                while (pos < n && Class(Unsafe.Add(ref text, pos)) >= firstWord)
                {
                    pos++;
                }
            }
        }

        i = n;
        start = n;
        entry = -1;
        return 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Class(char c) => c < 128 ? _asciiClass[c] : NonAsciiClass(c);

    private int NonAsciiClass(char c)
    {
        char folded = CaptionChars.Fold(c);
        if (folded < 128)
        {
            int ascii = _asciiClass[folded];
            // Only a word character may take a word class: the fold of a non-word character stays non-word.
            return (ascii >= _firstWordClass) == CaptionChars.IsWordChar(c) ? ascii : CaptionChars.IsWordChar(c) ? _firstWordClass : 0;
        }

        int index = Array.BinarySearch(_otherChars, folded);
        if (index >= 0 && (_otherClasses[index] >= _firstWordClass) == CaptionChars.IsWordChar(c))
        {
            return _otherClasses[index];
        }

        return CaptionChars.IsWordChar(c) ? _firstWordClass : 0;
    }

    private int ClassOfFolded(char folded, char original, Dictionary<char, int> classOf) =>
        classOf.TryGetValue(folded, out int cls) && (cls >= _firstWordClass) == CaptionChars.IsWordChar(original)
            ? cls
            : CaptionChars.IsWordChar(original) ? _firstWordClass : 0;
}
