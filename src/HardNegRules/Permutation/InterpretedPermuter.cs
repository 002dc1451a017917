using HardNegRules.Rules.Compilation;
using HardNegRules.Rules.Text;

namespace HardNegRules.Permutation;

/// <summary>
/// The permuter for rules read at run time: the same engine as the generated permuters, matching by walking the pack's
/// trie laid out in arrays instead of by generated code.
/// </summary>
public sealed class InterpretedPermuter : RulePermuter
{
    // Node n's children are _childChars/_childNodes[_firstChild[n] .. _firstChild[n + 1]), sorted by character.
    private readonly int[] _firstChild;
    private readonly char[] _childChars;
    private readonly int[] _childNodes;
    private readonly int[] _nodeEntry;
    private readonly int[] _rootAscii;

    /// <summary>Creates an interpreter over a compiled pack.</summary>
    /// <param name="pack">The pack.</param>
    public InterpretedPermuter(CompiledPack pack)
        : base(pack)
    {
        MatchTrie trie = MatchTrie.Build(pack);
        int nodes = trie.Nodes.Count;
        _firstChild = new int[nodes + 1];
        _nodeEntry = new int[nodes];
        var chars = new List<char>();
        var children = new List<int>();
        for (int n = 0; n < nodes; n++)
        {
            _firstChild[n] = chars.Count;
            _nodeEntry[n] = trie.Nodes[n].Entry;
            foreach (KeyValuePair<char, int> child in trie.Nodes[n].Children)
            {
                chars.Add(child.Key);
                children.Add(child.Value);
            }
        }

        _firstChild[nodes] = chars.Count;
        _childChars = [.. chars];
        _childNodes = [.. children];

        // Most captions are ASCII: the first step from the root is a table lookup.
        _rootAscii = new int[128];
        Array.Fill(_rootAscii, -1);
        for (int i = _firstChild[0]; i < _firstChild[1]; i++)
        {
            if (_childChars[i] < 128)
            {
                _rootAscii[_childChars[i]] = _childNodes[i];
            }
        }
    }

    /// <inheritdoc />
    protected override int MatchAt(ReadOnlySpan<char> caption, int start, out int entry)
    {
        entry = -1;
        int length = 0;
        char first = CaptionChars.Fold(caption[start]);
        int node = first < 128 ? _rootAscii[first] : Child(0, first);
        int depth = 1;
        while (node >= 0)
        {
            int end = start + depth;
            if (_nodeEntry[node] >= 0 && IsBoundary(caption, end))
            {
                length = depth;
                entry = _nodeEntry[node];
            }

            if (end >= caption.Length)
            {
                break;
            }

            node = Child(node, CaptionChars.Fold(caption[end]));
            depth++;
        }

        return length;
    }

    private int Child(int node, char c)
    {
        int lo = _firstChild[node];
        int hi = _firstChild[node + 1] - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            char m = _childChars[mid];
            if (m == c)
            {
                return _childNodes[mid];
            }

            if (m < c)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }
}
