using System.Globalization;
using System.Text;

namespace HardNegRules.Rules.Compilation;

/// <summary>
/// A compiled pack, and the trie its matcher is built from, as plain text: what the source generator puts into a
/// generated permuter (a string constant compiles in milliseconds, where the same tables as object creations took the
/// compiler most of a rebuild, and the runtime's JIT a tenth of a second at start-up) and what the permuter reads back
/// when it is first used. One record per line, fields labelled (<c>term 0 concept=0 name="red" ...</c>), strings quoted
/// with C-like escapes, <c>-</c> for a missing string, lists in brackets; <c>#</c> starts a comment (each trie node's
/// text, and the rule and source line of the texts accepted there).
/// </summary>
public static class CompiledPackText
{
    /// <summary>Writes a pack's tables.</summary>
    /// <param name="pack">The pack.</param>
    /// <returns>The text, one record a line.</returns>
    public static string Write(CompiledPack pack)
    {
        if (pack is null)
        {
            throw new ArgumentNullException(nameof(pack));
        }

        var w = new StringBuilder();
        w.Append("pack name=").Append(Quote(pack.Name)).Append(" max-negatives=").Append(pack.MaxNegatives)
            .Append(" concepts=").Append(pack.Concepts.Count).Append(" terms=").Append(pack.Terms.Count)
            .Append(" entries=").Append(pack.Entries.Count).Append(" contexts=").Append(pack.Contexts.Count).Append('\n');
        for (int c = 0; c < pack.Concepts.Count; c++)
        {
            CompiledConcept concept = pack.Concepts[c];
            w.Append("concept ").Append(c).Append(" name=").Append(Quote(concept.Name)).Append(" weight=").Append(Number(concept.Weight))
                .Append(" replace=").Append(Number(concept.ReplaceWeight)).Append(" swap=").Append(Number(concept.SwapWeight))
                .Append(" source=").Append(Quote(concept.Source)).Append('\n');
        }

        for (int t = 0; t < pack.Terms.Count; t++)
        {
            CompiledTerm term = pack.Terms[t];
            w.Append("term ").Append(t).Append(" concept=").Append(term.Concept).Append(" name=").Append(Quote(term.Name))
                .Append(" weight=").Append(Number(term.Weight))
                .Append(" forms=[").Append(string.Join(",", term.Forms.Select(f => f is null ? "-" : Quote(f)))).Append(']')
                .Append(" an=[").Append(string.Join(",", term.AnArticle.Select(a => a ? "1" : "0"))).Append(']')
                .Append(" targets=[").Append(string.Join(",", term.Targets)).Append(']')
                .Append(" pool=").Append(term.PoolStart).Append("..").Append(term.PoolEnd)
                .Append(" excluded=[").Append(string.Join(",", term.Excluded)).Append(']')
                .Append(" source=").Append(Quote(term.Source)).Append('\n');
        }

        for (int e = 0; e < pack.Entries.Count; e++)
        {
            CompiledEntry entry = pack.Entries[e];
            w.Append("entry ").Append(e).Append(" text=").Append(Quote(entry.Text)).Append(" term=").Append(entry.Term)
                .Append(" concept=").Append(entry.Concept).Append(" form=").Append(entry.Form).Append(" context=").Append(entry.Context)
                .Append(" source=").Append(Quote(entry.Source)).Append('\n');
        }

        for (int i = 0; i < pack.Contexts.Count; i++)
        {
            CompiledContext context = pack.Contexts[i];
            w.Append("context ").Append(i).Append(" not-before=").Append(Phrases(context.NotBefore))
                .Append(" not-after=").Append(Phrases(context.NotAfter)).Append(" only-before=").Append(Phrases(context.OnlyBefore))
                .Append(" only-after=").Append(Phrases(context.OnlyAfter)).Append(" source=").Append(Quote(context.Source)).Append('\n');
        }

        return w.ToString();
    }

    /// <summary>
    /// Writes the trie of a pack's texts (<see cref="MatchTrie"/>), one node a line: its children's characters and
    /// nodes, and the entry that ends there (or -1), with a comment giving the node's text and, where a text ends, what
    /// it is and where it was defined.
    /// </summary>
    /// <param name="pack">The pack.</param>
    /// <returns>The text.</returns>
    public static string WriteTrie(CompiledPack pack)
    {
        MatchTrie trie = MatchTrie.Build(pack);
        var prefix = new string[trie.Nodes.Count];
        prefix[0] = string.Empty;
        var w = new StringBuilder();
        for (int n = 0; n < trie.Nodes.Count; n++)
        {
            MatchTrieNode node = trie.Nodes[n];
            w.Append("node ").Append(n).Append(" entry=").Append(node.Entry).Append(" next=[");
            bool first = true;
            foreach (KeyValuePair<char, int> child in node.Children)
            {
                prefix[child.Value] = prefix[n] + child.Key;
                w.Append(first ? string.Empty : ",").Append(Quote(child.Key.ToString())).Append(':').Append(child.Value);
                first = false;
            }

            w.Append("]  # ").Append(Quote(prefix[n]));
            if (node.Entry >= 0)
            {
                w.Append(": ").Append(Describe(pack, node.Entry));
            }

            w.Append('\n');
        }

        return w.ToString();
    }

    /// <summary>Reads a pack's tables written by <see cref="Write"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The pack.</returns>
    /// <exception cref="FormatException">The text is not what <see cref="Write"/> writes.</exception>
    public static CompiledPack Parse(string text)
    {
        var r = new Reader(text ?? throw new ArgumentNullException(nameof(text)));
        r.Record("pack", -1);
        string name = r.Field("name").String() ?? throw r.Error("a pack needs a name");
        int maxNegatives = r.Field("max-negatives").Int();
        var concepts = new CompiledConcept[r.Field("concepts").Int()];
        var terms = new CompiledTerm[r.Field("terms").Int()];
        var entries = new CompiledEntry[r.Field("entries").Int()];
        var contexts = new CompiledContext[r.Field("contexts").Int()];
        for (int c = 0; c < concepts.Length; c++)
        {
            r.Record("concept", c);
            concepts[c] = new CompiledConcept(r.Field("name").String()!, r.Field("weight").Double(), r.Field("replace").Double(),
                r.Field("swap").Double(), r.Field("source").String()!);
        }

        for (int t = 0; t < terms.Length; t++)
        {
            r.Record("term", t);
            int concept = r.Field("concept").Int();
            string termName = r.Field("name").String()!;
            double weight = r.Field("weight").Double();
            string?[] forms = r.Field("forms").List(() => r.String());
            bool[] an = r.Field("an").List(() => r.Int() != 0);
            int[] targets = r.Field("targets").List(r.Int);
            int poolStart = r.Field("pool").Int();
            r.Expect("..");
            int poolEnd = r.Int();
            int[] excluded = r.Field("excluded").List(r.Int);
            terms[t] = new CompiledTerm(concept, termName, weight, forms, an, targets, r.Field("source").String()!)
            {
                PoolStart = poolStart,
                PoolEnd = poolEnd,
                Excluded = excluded,
            };
        }

        for (int e = 0; e < entries.Length; e++)
        {
            r.Record("entry", e);
            entries[e] = new CompiledEntry(r.Field("text").String()!, r.Field("term").Int(), r.Field("concept").Int(), r.Field("form").Int(),
                r.Field("context").Int(), r.Field("source").String()!);
        }

        for (int i = 0; i < contexts.Length; i++)
        {
            r.Record("context", i);
            contexts[i] = new CompiledContext(r.Field("not-before").Phrases(), r.Field("not-after").Phrases(), r.Field("only-before").Phrases(),
                r.Field("only-after").Phrases(), r.Field("source").String()!);
        }

        r.End();
        return new CompiledPack(name, maxNegatives, concepts, terms, entries, contexts);
    }

    /// <summary>Reads a trie written by <see cref="WriteTrie"/> into the form <see cref="MatchTrie.Encode"/> gives.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The encoded trie.</returns>
    /// <exception cref="FormatException">The text is not what <see cref="WriteTrie"/> writes.</exception>
    public static int[] ParseTrie(string text)
    {
        var r = new Reader(text ?? throw new ArgumentNullException(nameof(text)));
        var data = new List<int>(text.Length / 8);
        for (int n = 0; !r.AtEnd; n++)
        {
            r.Record("node", n);
            data.Add(r.Field("entry").Int());
            int countAt = data.Count;
            data.Add(0);
            r.Field("next").List(() =>
            {
                string edge = r.String() ?? throw r.Error("a trie edge needs a character");
                r.Expect(":");
                data.Add(edge.Length == 1 ? edge[0] : throw r.Error("a trie edge is one character"));
                data.Add(r.Int());
                data[countAt]++;
                return 0;
            });
        }

        return data.ToArray();
    }

    private static string Describe(CompiledPack pack, int entry)
    {
        var parts = new List<string>();
        string text = pack.Entries[entry].Text;
        for (int e = entry; e < pack.Entries.Count && pack.Entries[e].Text == text; e++)
        {
            CompiledEntry item = pack.Entries[e];
            string concept = pack.Concepts[item.Concept].Name;
            parts.Add(item.Term < 0
                ? $"blocked phrase of {concept} ({item.Source})"
                : $"{concept}/{pack.Terms[item.Term].Name}{(item.Context >= 0 ? " if its context holds" : string.Empty)} ({item.Source})");
        }

        // A comment ends at the line's end: keep a rule's name or source from starting a new line.
        return string.Join("; else ", parts).Replace('\n', ' ').Replace('\r', ' ');
    }

    private static string Phrases(IReadOnlyList<IReadOnlyList<string>> phrases) =>
        "[" + string.Join(",", phrases.Select(p => "[" + string.Join(",", p.Select(Quote)) + "]")) + "]";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A string as a quoted token: backslash escapes for the quote, the backslash, and any control or surrogate character.</summary>
    internal static string Quote(string value)
    {
        var s = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    s.Append("\\\"");
                    break;
                case '\\':
                    s.Append("\\\\");
                    break;
                default:
                    if (c < ' ' || char.IsSurrogate(c) || c == '\u007F' || c == '\u2028' || c == '\u2029' || c == '\u0085')
                    {
                        s.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        s.Append(c);
                    }

                    break;
            }
        }

        return s.Append('"').ToString();
    }

    // Reads records token by token; a malformed text throws a FormatException naming the line.
    private sealed class Reader
    {
        private readonly string _text;
        private int _pos;
        private int _line;

        public Reader(string text) => _text = text;

        public bool AtEnd
        {
            get
            {
                SkipBlank();
                return _pos >= _text.Length;
            }
        }

        public void Record(string kind, int index)
        {
            SkipBlank();
            Expect(kind);
            if (index >= 0 && Int() != index)
            {
                throw Error($"expected {kind} {index}");
            }
        }

        public Reader Field(string label)
        {
            Expect(label);
            Expect("=");
            return this;
        }

        public void End()
        {
            if (!AtEnd)
            {
                throw Error("more records than the pack's counts");
            }
        }

        public void Expect(string token)
        {
            SkipSpaces();
            if (string.CompareOrdinal(_text, _pos, token, 0, token.Length) != 0)
            {
                throw Error($"expected '{token}'");
            }

            _pos += token.Length;
        }

        public int Int()
        {
            SkipSpaces();
            int start = _pos;
            if (_pos < _text.Length && _text[_pos] == '-')
            {
                _pos++;
            }

            while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
            {
                _pos++;
            }

            return int.TryParse(_text.Substring(start, _pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
                ? value
                : throw Error("expected a whole number");
        }

        public double Double()
        {
            SkipSpaces();
            int start = _pos;
            while (_pos < _text.Length && _text[_pos] > ' ' && _text[_pos] != ',' && _text[_pos] != ']')
            {
                _pos++;
            }

            return double.TryParse(_text.Substring(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                ? value
                : throw Error("expected a number");
        }

        // A quoted string, or '-' for none.
        public string? String()
        {
            SkipSpaces();
            if (_pos < _text.Length && _text[_pos] == '-')
            {
                _pos++;
                return null;
            }

            Expect("\"");
            var s = new StringBuilder();
            while (true)
            {
                if (_pos >= _text.Length || _text[_pos] == '\n')
                {
                    throw Error("a string is not closed");
                }

                char c = _text[_pos++];
                if (c == '"')
                {
                    return s.ToString();
                }

                if (c != '\\')
                {
                    s.Append(c);
                    continue;
                }

                char escaped = _pos < _text.Length ? _text[_pos++] : '\0';
                if (escaped == 'u' && _pos + 4 <= _text.Length &&
                    int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                {
                    s.Append((char)code);
                    _pos += 4;
                }
                else if (escaped is '"' or '\\')
                {
                    s.Append(escaped);
                }
                else
                {
                    throw Error("an unknown escape in a string");
                }
            }
        }

        public T[] List<T>(Func<T> item)
        {
            Expect("[");
            var items = new List<T>();
            SkipSpaces();
            if (_pos < _text.Length && _text[_pos] == ']')
            {
                _pos++;
                return items.ToArray();
            }

            while (true)
            {
                items.Add(item());
                SkipSpaces();
                if (_pos < _text.Length && _text[_pos] == ',')
                {
                    _pos++;
                    continue;
                }

                Expect("]");
                return items.ToArray();
            }
        }

        public IReadOnlyList<string>[] Phrases() => List<IReadOnlyList<string>>(() => List(() => String()!));

        public FormatException Error(string what) =>
            new($"Compiled pack text, line {_line + 1}: {what} (the text is written by CompiledPackText; was it edited?).");

        private void SkipSpaces()
        {
            while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t'))
            {
                _pos++;
            }

            if (_pos < _text.Length && _text[_pos] == '#')
            {
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    _pos++;
                }
            }
        }

        // Spaces, comments and line ends before a record.
        private void SkipBlank()
        {
            while (true)
            {
                SkipSpaces();
                if (_pos < _text.Length && (_text[_pos] == '\n' || _text[_pos] == '\r'))
                {
                    _line += _text[_pos] == '\n' ? 1 : 0;
                    _pos++;
                    continue;
                }

                return;
            }
        }
    }
}
