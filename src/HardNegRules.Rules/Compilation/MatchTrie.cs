namespace HardNegRules.Rules.Compilation;

/// <summary>
/// The texts of a pack's entries as a trie over folded characters. The generator turns it into nested switches; the
/// interpreter walks it. Node 0 is the root.
/// </summary>
public sealed class MatchTrie
{
    private MatchTrie(List<MatchTrieNode> nodes) => Nodes = nodes;

    /// <summary>The nodes; children point to later nodes.</summary>
    public IReadOnlyList<MatchTrieNode> Nodes { get; }

    /// <summary>Builds the trie of a pack's entries.</summary>
    /// <param name="pack">The compiled pack.</param>
    /// <returns>The trie.</returns>
    public static MatchTrie Build(CompiledPack pack)
    {
        var nodes = new List<MatchTrieNode> { new(0) };
        for (int e = 0; e < pack.Entries.Count; e++)
        {
            // Entries with the same text share one node, which points at the first of them.
            if (e > 0 && pack.Entries[e - 1].Text == pack.Entries[e].Text)
            {
                continue;
            }

            string text = pack.Entries[e].Text;
            MatchTrieNode node = nodes[0];
            foreach (char c in text)
            {
                if (!node.Children.TryGetValue(c, out int child))
                {
                    child = nodes.Count;
                    nodes.Add(new MatchTrieNode(node.Depth + 1));
                    node.Children.Add(c, child);
                }

                node = nodes[child];
            }

            node.Entry = e;
        }

        return new MatchTrie(nodes);
    }

    /// <summary>
    /// The trie as flat data, the form the generated permuters carry and the matcher's automaton is built from: for each
    /// node in order, the entry that ends there (or -1), the number of children, then each child's character and node.
    /// </summary>
    /// <returns>The encoded trie.</returns>
    public int[] Encode()
    {
        var data = new List<int>();
        foreach (MatchTrieNode node in Nodes)
        {
            data.Add(node.Entry);
            data.Add(node.Children.Count);
            foreach (KeyValuePair<char, int> child in node.Children)
            {
                data.Add(child.Key);
                data.Add(child.Value);
            }
        }

        return data.ToArray();
    }
}

/// <summary>A trie node: the characters that continue from it, and the entry whose text ends here (or -1).</summary>
public sealed class MatchTrieNode
{
    /// <summary>Creates a node.</summary>
    /// <param name="depth">Its depth: the length of the text that leads to it.</param>
    public MatchTrieNode(int depth) => Depth = depth;

    /// <summary>The length of the text that leads to this node.</summary>
    public int Depth { get; }

    /// <summary>The first entry whose text ends here, or -1.</summary>
    public int Entry { get; set; } = -1;

    /// <summary>The next character and the node it leads to, in character order.</summary>
    public SortedDictionary<char, int> Children { get; } = new SortedDictionary<char, int>();
}
