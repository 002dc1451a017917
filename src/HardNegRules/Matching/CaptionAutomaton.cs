using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HardNegRules.Rules.Compilation;
using HardNegRules.Rules.Text;

namespace HardNegRules.Matching;

/// <summary>
/// A pack's rule texts as a flat automaton over the caption's folded characters, run once over the caption: characters
/// map to a few classes, and each state has one row of next states, one per class. Besides the trie's nodes there are
/// two states: between words (the root: a word character starts a walk) and inside a word that cannot match (until the
/// next non-word character). So the common case is one table load per character, with no branch but one on a flag bit;
/// flagged transitions are the rare events: a text accepted at a word boundary (a match, or a candidate when a longer
/// phrase may follow) and a phrase that dies after crossing a word boundary (then the longest candidate is the match, or
/// the scan resumes at the end of the walk's first word, as if it had never gone further). Most such deaths ("a man",
/// where "a little bit" is a rule text) are not flagged at all: where the scan would go on is known when the table is
/// built, and the death links straight there. Matches start at word
/// starts, are the longest at their start that end at a word boundary, and leave contexts to be checked after. Built
/// from the encoded trie (<see cref="MatchTrie.Encode"/>), which the generated permuters carry as data and the
/// interpreter computes at run time, so both scan with the same code over the same table.
/// </summary>
internal sealed class CaptionAutomaton
{
    // Row offsets of the two states that are not trie nodes. The root (node 0) is the state between words.
    private const int Between = 0;
    private const int Flag = int.MinValue;

    // Extra columns after each row's classes: the state's accepted entry (or -1), its depth (characters since the word
    // start) and the length of its walk's first word (-1 while the walk is still in it).
    private const int AcceptColumn = 0;
    private const int DepthColumn = 1;
    private const int FirstWordColumn = 2;
    private const int InfoColumns = 3;

    // Classes: 0 other non-word characters, 1.._firstWordClass - 1 non-word characters of rule texts (space, '&', ...),
    // _firstWordClass other word characters, above it word characters of rule texts.
    private readonly byte[] _asciiClass = new byte[128];
    private byte[]? _charClasses;
    private readonly char[] _otherChars;
    private readonly int[] _otherClasses;
    private readonly int _firstWordClass;
    private readonly int _classCount;
    private readonly int _rowWidth;
    private readonly int _states;

    // One row per state of _rowWidth 64-bit values: the next state per class as the address of its row, with bit 0 set
    // on the transitions that need a look (see the summary; rows are 8-byte aligned), then the info columns. The table
    // lives in memory that never moves, so the next state is one load from the current one, with no add on the scan's
    // chain of dependent loads.
    private readonly long[] _links;
    private readonly nint _base;

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

        // States: node 0 (the root, between words) is state 0, the state inside a word that cannot match is state 1,
        // node n > 0 is state n + 1. Children come after their parent, so one pass gives each node's depth and first word.
        int nodes = nodeOffsets.Count;
        _states = nodes + 1;
        _rowWidth = _classCount + InfoColumns;
        int inWord = _rowWidth;
        var table = new int[_states * _rowWidth];
        var depth = new int[nodes];
        var firstWord = new int[nodes];
        var parent = new int[nodes];
        var edgeClass = new int[nodes];
        // Whether a walk that reaches the node has a text accepted at a boundary on the way (a candidate).
        var candidate = new bool[nodes];
        firstWord[0] = -1;
        for (int n = 0; n < nodes; n++)
        {
            int at = nodeOffsets[n];
            for (int c = 0; c < encoded[at + 1]; c++)
            {
                char edge = (char)encoded[at + 2 + (2 * c)];
                int child = encoded[at + 3 + (2 * c)];
                depth[child] = depth[n] + 1;
                firstWord[child] = firstWord[n] >= 0 ? firstWord[n] : CaptionChars.IsWordChar(edge) ? -1 : depth[n];
                parent[child] = n;
                edgeClass[child] = classOf[edge];
                candidate[child] = candidate[n] || (n != 0 && encoded[at] >= 0 && !CaptionChars.IsWordChar(edge));
            }
        }

        for (int cls = 0; cls < _classCount; cls++)
        {
            table[inWord + cls] = cls >= _firstWordClass ? inWord : Between;
        }

        table[inWord + _classCount + AcceptColumn] = -1;
        table[inWord + _classCount + FirstWordColumn] = -1;
        for (int n = 0; n < nodes; n++)
        {
            int at = nodeOffsets[n];
            int row = Row(n);
            int accepted = encoded[at];
            var children = new Dictionary<int, int>();
            for (int c = 0; c < encoded[at + 1]; c++)
            {
                children[classOf[(char)encoded[at + 2 + (2 * c)]]] = encoded[at + 3 + (2 * c)];
            }

            for (int cls = 0; cls < _classCount; cls++)
            {
                bool word = cls >= _firstWordClass;
                bool hasChild = children.TryGetValue(cls, out int child) && (n != 0 || word);
                int target = hasChild ? Row(child) : word ? inWord : Between;
                // Between words nothing is ever flagged; elsewhere: a text accepted at a word boundary, and the death
                // of a walk that has crossed a word boundary.
                bool flagged = n != 0 && ((!word && accepted >= 0) || (!hasChild && firstWord[n] >= 0));
                table[row + cls] = flagged ? target | Flag : target;
            }

            table[row + _classCount + AcceptColumn] = n == 0 ? -1 : accepted;
            table[row + _classCount + DepthColumn] = depth[n];
            table[row + _classCount + FirstWordColumn] = firstWord[n];
        }

        LinkDeathsAhead(table, nodeOffsets, encoded, depth, firstWord, parent, edgeClass, candidate);

        _links = GC.AllocateArray<long>(table.Length, pinned: true);
        _base = BaseOf(_links);
        for (int at = 0; at < table.Length; at++)
        {
            int column = at % _rowWidth;
            int value = table[at];
            // Built as row offsets with a sign-bit flag, then turned into addresses with a bit-0 flag.
            _links[at] = column >= _classCount ? value : _base + ((long)(value & ~Flag) * sizeof(long)) + (value < 0 ? 1 : 0);
        }
    }

    // A walk past its first word that dies with no candidate resumes after that word and reads again what followed it:
    // the classes of the node's path after its first word, then the class it died on. That is known here, so when the
    // reading again meets no flagged transition, the death links straight to where it ends, unflagged, and the scan
    // stays in its loop ("a man": the walk into "a little bit" dies at "m" and goes on as the walk of "man"). Deaths
    // that would meet a flag (a text accepted on the way, another walk dying past its first word) keep theirs. Nodes
    // go by depth, so a death read again may already link ahead itself.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void LinkDeathsAhead(int[] table, List<int> nodeOffsets, ReadOnlySpan<int> encoded, int[] depth, int[] firstWord,
        int[] parent, int[] edgeClass, bool[] candidate)
    {
        int nodes = nodeOffsets.Count;
        int[] byDepth = new int[nodes];
        int[] depths = new int[nodes];
        for (int n = 0; n < nodes; n++)
        {
            byDepth[n] = n;
            depths[n] = depth[n];
        }

        Array.Sort(depths, byDepth);
        Span<int> path = stackalloc int[Math.Max(1, depths[^1])];
        foreach (int n in byDepth)
        {
            if (n == 0 || firstWord[n] < 0 || candidate[n])
            {
                continue;
            }

            // Read again the node's path after its first word; any flag on the way keeps every death of the node flagged.
            int length = 0;
            for (int m = n; depth[m] > firstWord[n]; m = parent[m])
            {
                path[length++] = edgeClass[m];
            }

            int state = Between;
            for (int k = length - 1; k >= 0 && state >= 0; k--)
            {
                state = table[state + path[k]];
            }

            if (state < 0)
            {
                continue;
            }

            int row = Row(n);
            bool accepted = encoded[nodeOffsets[n]] >= 0;
            for (int cls = 0; cls < _classCount; cls++)
            {
                // Flagged and not a text accepted at a boundary: a death, which links on when its last step is clean.
                if (table[row + cls] < 0 && !(cls < _firstWordClass && accepted) && table[state + cls] >= 0)
                {
                    table[row + cls] = table[state + cls];
                }
            }
        }
    }

    /// <summary>The number of states (with the state inside a word that cannot match), for reports.</summary>
    public int States => _states;

    /// <summary>The number of character classes.</summary>
    public int Classes => _classCount;

    /// <summary>
    /// Finds the next rule text at or after <paramref name="i"/> that starts at a word start and ends at a word
    /// boundary (the longest at its start), and moves <paramref name="i"/> past it.
    /// </summary>
    /// <param name="caption">The caption.</param>
    /// <param name="i">Where to look from (the caption's start or a word boundary); moved past the text found, or to the end.</param>
    /// <param name="start">Where the text starts.</param>
    /// <param name="entry">Its first entry.</param>
    /// <returns>Its length, or 0 when the caption has no more.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Next(ReadOnlySpan<char> caption, ref int i, out int start, out int entry)
    {
        int length = Scan(_charClasses ?? BuildCharClasses(), caption, ref i, out start, out entry);
        // The scan reads the pinned table through raw addresses: it must stay reachable until the scan is done.
        GC.KeepAlive(_links);
        return length;
    }

    // Not inlined into its caller, and calls nothing: its values stay in registers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private unsafe int Scan(byte[] classes, ReadOnlySpan<char> caption, ref int i, out int start, out int entry)
    {
        // Reads without bounds checks: every character has a class in the 64K table, every class is below _classCount
        // and every link is the address of a row of the pinned table by construction.
        ref char text = ref MemoryMarshal.GetReference(caption);
        ref byte charClass = ref MemoryMarshal.GetArrayDataReference(classes);
        nint between = _base;
        int n = caption.Length;
        int pos = i;
        nint state = between;
        int candidateEnd = -1;
        int candidateStart = 0;
        int candidateEntry = -1;
    Resume:
        while (true)
        {
            // The common case, a loop of its own without calls so that its few values stay in registers: a class
            // load, then the next state as one load from the current one, and a test of its flag bit.
            int cls = 0;
            nint to = 0;
            nint at = pos;
            if (at < n)
            {
                do
                {
                    cls = Unsafe.Add(ref charClass, Unsafe.Add(ref text, at));
                    to = *(nint*)(state + ((nint)cls * sizeof(long)));
                    if ((to & 1) != 0)
                    {
                        break;
                    }

                    state = to;
                    at++;
                }
                while (at < n);
            }

            pos = (int)at;
            if (pos >= n)
            {
                break;
            }

            to &= ~(nint)1;
            nint info = state + (_classCount * sizeof(long));
            int accepted = (int)*(long*)(info + (AcceptColumn * sizeof(long)));
            int wordStart = pos - (int)*(long*)(info + (DepthColumn * sizeof(long)));
            if (cls < _firstWordClass && accepted >= 0)
            {
                if (to == between)
                {
                    return Found(ref i, pos, wordStart, accepted, out start, out entry);
                }

                // A longer phrase may follow ("black" of "black and white"): remember this one.
                candidateEnd = pos;
                candidateStart = wordStart;
                candidateEntry = accepted;
                state = to;
                pos++;
                continue;
            }

            // A walk past its first word died: the longest text accepted on the way, or resume after the first word.
            if (candidateEnd >= 0)
            {
                return Found(ref i, candidateEnd, candidateStart, candidateEntry, out start, out entry);
            }

            pos = wordStart + (int)*(long*)(info + (FirstWordColumn * sizeof(long)));
            state = between;
        }

        // The caption's end is a word boundary too.
        if (state != between && state != between + (_rowWidth * sizeof(long)))
        {
            nint info = state + (_classCount * sizeof(long));
            int last = (int)*(long*)(info + (AcceptColumn * sizeof(long)));
            int lastStart = n - (int)*(long*)(info + (DepthColumn * sizeof(long)));
            if (last >= 0)
            {
                return Found(ref i, n, lastStart, last, out start, out entry);
            }

            if (candidateEnd >= 0)
            {
                return Found(ref i, candidateEnd, candidateStart, candidateEntry, out start, out entry);
            }

            // A walk past its first word reached the end without a text: resume after that word.
            int first = (int)*(long*)(info + (FirstWordColumn * sizeof(long)));
            if (first >= 0)
            {
                pos = lastStart + first;
                state = between;
                goto Resume;
            }
        }

        i = n;
        start = n;
        entry = -1;
        return 0;
    }

    // Every UTF-16 unit's class, built at the first scan (a 64 KB table: the scan's loop then needs no branch on the
    // character and no call).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private byte[] BuildCharClasses()
    {
        var classes = new byte[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++)
        {
            classes[c] = (byte)(c < 128 ? _asciiClass[c] : NonAsciiClass((char)c));
        }

        Volatile.Write(ref _charClasses, classes);
        return classes;
    }

    private static unsafe nint BaseOf(long[] pinned) => (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Found(ref int i, int end, int wordStart, int accepted, out int start, out int entry)
    {
        i = end;
        start = wordStart;
        entry = accepted;
        return end - wordStart;
    }

    // The row offset of trie node n.
    private int Row(int node) => (node == 0 ? 0 : node + 1) * _rowWidth;

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
