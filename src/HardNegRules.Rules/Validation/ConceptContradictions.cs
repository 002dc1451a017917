using HardNegRules.Rules.Diagnostics;
using HardNegRules.Rules.Model;
using HardNegRules.Rules.Text;

namespace HardNegRules.Rules.Validation;

/// <summary>
/// Finds rules of one concept that say opposite things about one pair of terms: an opposite pair whose terms are the
/// same term (by any spelling), synonyms, or a never-swap group. Left alone, one rule silently wins (a synonym is never
/// a negative, so the opposite is dropped); each is the error HNR018 at the opposite pair, naming the other rule's
/// place. Names that are no term are left to the compiler, which reports them.
/// </summary>
public static class ConceptContradictions
{
    private static readonly char[] Space = { ' ' };

    /// <summary>Checks a concept and adds an error per contradiction.</summary>
    /// <param name="concept">The concept as parsed.</param>
    /// <param name="diagnostics">Receives the errors.</param>
    public static void Check(ConceptDefinition concept, List<RuleDiagnostic> diagnostics)
    {
        if (concept is null)
        {
            throw new ArgumentNullException(nameof(concept));
        }

        if (diagnostics is null)
        {
            throw new ArgumentNullException(nameof(diagnostics));
        }

        if (concept.Opposites.Count == 0)
        {
            return;
        }

        Dictionary<string, int> terms = Spellings(concept);
        List<(int[] Terms, Located<string>[] Names, string Key)> groups = new();
        foreach (List<Located<string>> group in concept.Synonyms)
        {
            groups.Add((Resolve(group, terms), group.ToArray(), "synonyms"));
        }

        foreach (List<Located<string>> group in concept.NeverSwap)
        {
            groups.Add((Resolve(group, terms), group.ToArray(), "never-swap"));
        }

        int[] synonymOf = SynonymClasses(concept.Terms.Count, groups);
        foreach ((Located<string> first, Located<string> second) in concept.Opposites)
        {
            if (!terms.TryGetValue(Key(first.Value), out int a) || !terms.TryGetValue(Key(second.Value), out int b))
            {
                continue;
            }

            if (a == b)
            {
                string how = Key(first.Value) == Key(second.Value) ? string.Empty : $" ('{first.Value}' and '{second.Value}' are spellings of one term)";
                Error(diagnostics, first.Span,
                    $"'{first.Value}' is listed as opposite to itself{how} in 'opposites' (also at {Place(second.Span)}): a term cannot be its own negative; pair it with another term.");
                continue;
            }

            foreach ((int[] members, Located<string>[] names, string key) in groups)
            {
                int i = Array.IndexOf(members, a);
                int j = Array.IndexOf(members, b);
                // Synonym groups that share a term merge, so [big, large] and [large, huge] make big and huge synonyms.
                bool contradicts = key == "synonyms"
                    ? (i >= 0 || j >= 0) && synonymOf[a] >= 0 && synonymOf[a] == synonymOf[b]
                    : i >= 0 && j >= 0;
                if (!contradicts)
                {
                    continue;
                }

                SourceSpan other = i >= 0 ? names[i].Span : names[j].Span;
                string means = key == "synonyms" ? "mean the same" : "are never negatives of each other";
                Error(diagnostics, first.Span,
                    $"'{first.Value}' and '{second.Value}' are opposites here but '{key}' says they {means} (at {Place(other)}): remove the pair from 'opposites' or from '{key}'.");
                break;
            }
        }
    }

    // Every spelling written for a term (base, variants, forms), folded as captions are, to the term's index.
    private static Dictionary<string, int> Spellings(ConceptDefinition concept)
    {
        var spellings = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int t = 0; t < concept.Terms.Count; t++)
        {
            TermDefinition term = concept.Terms[t];
            foreach (List<Located<string>> forms in term.Forms.Values)
            {
                foreach (Located<string> spelling in forms)
                {
                    string key = Key(spelling.Value);
                    if (!spellings.ContainsKey(key))
                    {
                        spellings[key] = t;
                    }

                    if (concept.Inflection == Inflection.Noun && !term.Forms.ContainsKey(FormKind.Plural) && !term.AbsentForms.Contains(FormKind.Plural))
                    {
                        string plural = Key(English.RegularPlural(spelling.Value));
                        if (!spellings.ContainsKey(plural))
                        {
                            spellings[plural] = t;
                        }
                    }
                }
            }
        }

        return spellings;
    }

    private static int[] Resolve(List<Located<string>> names, Dictionary<string, int> terms)
    {
        var result = new int[names.Count];
        for (int i = 0; i < names.Count; i++)
        {
            result[i] = terms.TryGetValue(Key(names[i].Value), out int term) ? term : -1;
        }

        return result;
    }

    // Synonym groups that share a term are one group, as the compiler merges them.
    private static int[] SynonymClasses(int count, List<(int[] Terms, Located<string>[] Names, string Key)> groups)
    {
        var parent = new int[count];
        var inGroup = new bool[count];
        for (int i = 0; i < count; i++)
        {
            parent[i] = i;
        }

        int Root(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        foreach ((int[] members, _, string key) in groups)
        {
            int first = -1;
            foreach (int term in members)
            {
                if (key != "synonyms" || term < 0)
                {
                    continue;
                }

                inGroup[term] = true;
                if (first < 0)
                {
                    first = term;
                }
                else
                {
                    parent[Root(term)] = Root(first);
                }
            }
        }

        var result = new int[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = inGroup[i] ? Root(i) : -1;
        }

        return result;
    }

    private static string Key(string text) =>
        string.Join(" ", CaptionChars.Fold(text).Split(Space, StringSplitOptions.RemoveEmptyEntries));

    private static string Place(SourceSpan span) => $"line {span.Line}, column {span.Column}";

    private static void Error(List<RuleDiagnostic> diagnostics, SourceSpan span, string message) =>
        diagnostics.Add(new RuleDiagnostic(RuleErrors.Contradiction, RuleSeverity.Error, message, span));
}
