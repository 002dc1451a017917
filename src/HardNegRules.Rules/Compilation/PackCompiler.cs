using HardNegRules.Rules.Diagnostics;
using HardNegRules.Rules.Model;
using HardNegRules.Rules.Text;

namespace HardNegRules.Rules.Compilation;

/// <summary>Numbers a pack's concepts (its own and those it reuses) into the flat tables of a <see cref="CompiledPack"/>.</summary>
internal sealed class PackCompiler
{
    private readonly string _pack;
    private readonly List<RuleFile> _files;
    private readonly Dictionary<(string Pack, string Name), CheckedConcept> _concepts;
    private readonly List<RuleDiagnostic> _diagnostics;

    public PackCompiler(string pack, List<RuleFile> files, Dictionary<(string Pack, string Name), CheckedConcept> concepts, List<RuleDiagnostic> diagnostics)
    {
        _pack = pack;
        _files = files;
        _concepts = concepts;
        _diagnostics = diagnostics;
    }

    public CompiledPack? Compile()
    {
        bool ok = true;
        // Each member concept, with the local indices of the terms this pack may write (null: all).
        var members = new List<(CheckedConcept Concept, HashSet<int>? Only)>();
        int maxNegatives = 0;

        // Reused concepts come first, in the order 'uses' names them; then the pack's own, in file order.
        foreach (PackSettings settings in _files.Select(f => f.Settings).OfType<PackSettings>())
        {
            maxNegatives = settings.MaxNegatives;
            foreach (ConceptUse conceptUse in settings.Uses)
            {
                Located<string> use = conceptUse.Concept;
                if (_concepts.TryGetValue((RulePaths.DefaultPack, use.Value), out CheckedConcept? used) && _pack != RulePaths.DefaultPack)
                {
                    if (members.Any(m => m.Concept.Definition.Name == use.Value))
                    {
                        Error(RuleErrors.DuplicateConcept, $"'uses' names concept '{use.Value}' twice: remove one.", use.Span);
                        ok = false;
                        continue;
                    }

                    HashSet<int>? only = Narrow(used, conceptUse.Only, ref ok);
                    members.Add((used, only));
                }
                else
                {
                    string known = string.Join(", ", _concepts.Keys.Where(k => k.Pack == RulePaths.DefaultPack).Select(k => k.Name).OrderBy(n => n, StringComparer.Ordinal));
                    Error(RuleErrors.UnknownConcept, $"'uses' names '{use.Value}', which is not a concept of the default pack (rules/*.yaml). Known concepts: {known}.", use.Span);
                    ok = false;
                }
            }
        }

        foreach (RuleFile file in _files.Where(f => f.Concept is not null))
        {
            if (!_concepts.TryGetValue((_pack, file.Concept!.Name), out CheckedConcept? own) || own.Path != file.Path)
            {
                continue;
            }

            if (members.Any(m => m.Concept.Definition.Name == own.Definition.Name))
            {
                Error(RuleErrors.DuplicateConcept,
                    $"Concept '{own.Definition.Name}' is both defined here and reused through 'uses': remove one.", own.Definition.Span);
                ok = false;
                continue;
            }

            members.Add((own, null));
        }

        if (members.Count > 64)
        {
            Error(RuleErrors.InvalidValue, "A pack holds at most 64 concepts.", members[64].Concept.Definition.Span);
            return null;
        }

        return ok ? Number(members, maxNegatives) : null;
    }

    private HashSet<int>? Narrow(CheckedConcept concept, IReadOnlyList<Located<string>>? only, ref bool ok)
    {
        if (only is null)
        {
            return null;
        }

        var allowed = new HashSet<int>();
        foreach (Located<string> name in only)
        {
            string folded = ConceptCompiler.NormalizeSpaces(Text.CaptionChars.Fold(name.Value));
            int index = concept.Terms.FindIndex(t => t.Spellings.Any(s => s.Folded == folded));
            if (index < 0)
            {
                Error(RuleErrors.UnknownTerm, $"'{name.Value}' in 'only' is not a term of concept '{concept.Definition.Name}': fix its spelling.", name.Span);
                ok = false;
                continue;
            }

            allowed.Add(index);
        }

        return allowed;
    }

    private CompiledPack? Number(List<(CheckedConcept Concept, HashSet<int>? Only)> members, int maxNegatives)
    {
        var concepts = new List<CompiledConcept>();
        var terms = new List<CompiledTerm>();
        var entries = new List<(CompiledEntry Entry, int Priority, Located<string>? Written)>();
        var contexts = new List<CompiledContext>();
        bool ok = true;

        for (int c = 0; c < members.Count; c++)
        {
            (CheckedConcept concept, HashSet<int>? only) = members[c];
            ConceptDefinition definition = concept.Definition;
            concepts.Add(new CompiledConcept(definition.Name, definition.Weight, definition.ReplaceWeight, definition.SwapWeight,
                Source(concept.Path, definition.Span)));
            int offset = terms.Count;
            foreach (CheckedTerm term in concept.Terms)
            {
                int context = -1;
                if (term.Context is { } rule)
                {
                    context = contexts.Count;
                    contexts.Add(new CompiledContext(Words(rule.NotBefore), Words(rule.NotAfter), Words(rule.OnlyBefore), Words(rule.OnlyAfter),
                        Source(concept.Path, rule.Span)));
                }

                int index = terms.Count;
                TargetSet targets = term.Targets;
                // An empty pool is written as 0..0, so the generated and the interpreted tables compare equal.
                int poolOffset = targets.PoolEnd > targets.PoolStart ? offset : 0;
                string source = Source(concept.Path, term.Definition.Span);
                terms.Add(only is null
                    ? new CompiledTerm(c, term.Definition.Canonical, term.Definition.Weight, term.Forms, term.AnArticle,
                        targets.Listed.Select(t => t + offset).ToArray(), source)
                    {
                        PoolStart = targets.PoolStart + poolOffset,
                        PoolEnd = targets.PoolEnd + poolOffset,
                        Excluded = targets.Excluded.Select(t => t + offset).ToArray(),
                    }
                    : new CompiledTerm(c, term.Definition.Canonical, term.Definition.Weight, term.Forms, term.AnArticle,
                        targets.All().Where(only.Contains).Select(t => t + offset).ToArray(), source));
                foreach ((string folded, FormKind form, Located<string> written) in term.Spellings)
                {
                    entries.Add((new CompiledEntry(folded, index, c, (int)form, context, Source(concept.Path, written.Span)), context >= 0 ? 0 : 1, written));
                }
            }

            var blockedTexts = new HashSet<string>(concept.Blocked.Select(p => string.Join(" ", p.Words)), StringComparer.Ordinal);
            foreach ((string text, Phrase phrase) in concept.Blocked.Select(p => (string.Join(" ", p.Words), p)).Concat(CompoundsIntoBlocked(concept, blockedTexts)))
            {
                entries.Add((new CompiledEntry(text, -1, c, 0, -1, Source(concept.Path, phrase.Span)), 2, null));

                // A blocked noun phrase blocks its plural too: "bow tie" and "bow ties", not "bow suitcases".
                string plural = English.RegularPlural(text);
                if (concept.Definition.Inflection == Inflection.Noun && !text.EndsWith("s", StringComparison.Ordinal) && blockedTexts.Add(plural))
                {
                    entries.Add((new CompiledEntry(plural, -1, c, 0, -1, Source(concept.Path, phrase.Span)), 2, null));
                }
            }
        }

        // One text in two concepts is an error unless a context says where it is which ("orange": color, or the fruit).
        foreach (IGrouping<string, (CompiledEntry Entry, int Priority, Located<string>? Written)> same in entries.Where(e => e.Entry.Term >= 0).GroupBy(e => e.Entry.Text))
        {
            var distinct = same.GroupBy(e => e.Entry.Concept).Select(g => g.First()).ToList();
            if (distinct.Count > 1 && distinct.Count(e => e.Entry.Context < 0) > 1)
            {
                var second = distinct.Where(e => e.Entry.Context < 0).Skip(1).First();
                var first = distinct.First(e => e.Entry.Context < 0);
                Error(RuleErrors.TermInTwoConcepts,
                    $"'{second.Written!.Value}' is a term of both '{concepts[first.Entry.Concept].Name}' and '{concepts[second.Entry.Concept].Name}': remove it from one, or give one a context that says where it is which.",
                    second.Written.Span);
                ok = false;
            }
        }

        if (!ok)
        {
            return null;
        }

        List<CompiledEntry> sorted = entries
            .OrderBy(e => e.Entry.Text, StringComparer.Ordinal)
            .ThenBy(e => e.Priority)
            .ThenBy(e => e.Entry.Concept)
            .ThenBy(e => e.Entry.Term)
            .Select(e => e.Entry)
            .ToList();
        return new CompiledPack(_pack, maxNegatives, concepts, terms, sorted, contexts);
    }

    // The matcher reads the longest text at each word start, so a compound term would read past the start of a blocked
    // phrase: "dark green" in "a dark green light", where "green light" is blocked. Each term's spelling of several
    // words whose last words start a blocked phrase of its concept blocks the two read as one ("dark green light"),
    // from the blocked phrase's line; the texts already blocked (written out in the rules) are not added again.
    private static IEnumerable<(string Text, Phrase Phrase)> CompoundsIntoBlocked(CheckedConcept concept, HashSet<string> blockedTexts)
    {
        var byFirstWord = concept.Blocked.Where(p => p.Words.Count > 1).ToLookup(p => p.Words[0], StringComparer.Ordinal);
        foreach (CheckedTerm term in concept.Terms)
        {
            foreach ((string folded, _, _) in term.Spellings)
            {
                string[] words = folded.Split(' ');
                for (int from = 1; from < words.Length; from++)
                {
                    foreach (Phrase phrase in byFirstWord[words[from]])
                    {
                        int overlap = words.Length - from;
                        if (phrase.Words.Count > overlap && phrase.Words.Take(overlap).SequenceEqual(words.Skip(from), StringComparer.Ordinal))
                        {
                            string text = string.Join(" ", words.Take(from).Concat(phrase.Words));
                            if (blockedTexts.Add(text))
                            {
                                yield return (text, phrase);
                            }
                        }
                    }
                }
            }
        }
    }

    private static IReadOnlyList<string>[] Words(List<Phrase> phrases) =>
        phrases.Select(p => (IReadOnlyList<string>)p.Words.ToArray()).ToArray();

    private static string Source(string path, SourceSpan span) => $"{RulePaths.Display(path)}:{span.Line}";

    private void Error(string id, string message, SourceSpan span) =>
        _diagnostics.Add(new RuleDiagnostic(id, RuleSeverity.Error, message, span));
}
