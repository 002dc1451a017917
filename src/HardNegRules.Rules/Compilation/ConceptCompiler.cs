using HardNegRules.Rules.Diagnostics;
using HardNegRules.Rules.Model;
using HardNegRules.Rules.Text;

namespace HardNegRules.Rules.Compilation;

/// <summary>
/// Checks one concept and works out, for each of its terms, the spellings to match, the text to write per form, the terms
/// that may replace it, and its context conditions. The pack compiler then numbers everything into tables.
/// </summary>
internal sealed class ConceptCompiler
{
    private static readonly char[] Space = { ' ' };
    private static readonly FormKind[] AllForms = { FormKind.Base, FormKind.Plural, FormKind.Comparative, FormKind.Superlative };

    private readonly ConceptDefinition _concept;
    private readonly string _path;
    private readonly List<RuleDiagnostic> _diagnostics;
    private readonly Dictionary<string, (int Term, FormKind Form)> _spellings = new(StringComparer.Ordinal);

    private ConceptCompiler(ConceptDefinition concept, string path, List<RuleDiagnostic> diagnostics)
    {
        _concept = concept;
        _path = path;
        _diagnostics = diagnostics;
    }

    /// <summary>Compiles a concept; null when it has errors that leave nothing to compile.</summary>
    public static CheckedConcept? Compile(ConceptDefinition concept, string path, List<RuleDiagnostic> diagnostics) =>
        new ConceptCompiler(concept, path, diagnostics).Compile();

    private CheckedConcept? Compile()
    {
        if (_concept.Terms.Count == 0)
        {
            Error(RuleErrors.EmptyConcept, $"Concept '{_concept.Name}' has no terms: add a 'terms:' list (or 'categories:') with at least two terms.", _concept.Span);
            return null;
        }

        var terms = new List<CheckedTerm>();
        foreach (TermDefinition definition in _concept.Terms)
        {
            terms.Add(Inflect(definition, terms.Count));
        }

        int[] synonymGroup = Groups(_concept.Synonyms, terms.Count, "synonyms");
        List<int[]> neverSwap = _concept.NeverSwap.Select(group => Resolve(group, "never-swap")).ToList();
        List<(int, int)> opposites = ResolveOpposites();

        if (_concept.Policy == SwapPolicy.SameCategory)
        {
            foreach (TermDefinition term in _concept.Terms.Where(t => t.Category is null))
            {
                Error(RuleErrors.MissingCategory,
                    $"Term '{term.Canonical}' has no category, but concept '{_concept.Name}' replaces terms within their category: list it under 'categories:'.",
                    term.Span);
            }
        }

        var targets = new TargetFinder(_concept.Policy, terms, synonymGroup, neverSwap, opposites);
        for (int i = 0; i < terms.Count; i++)
        {
            terms[i].Targets = targets.Of(i);
            if (terms[i].Targets.Count == 0)
            {
                Error(RuleErrors.NoReplacement, NoReplacementMessage(terms[i].Definition), terms[i].Definition.Span);
            }
        }

        Dictionary<int, ContextRule> contexts = ResolveContexts();
        foreach (KeyValuePair<int, ContextRule> context in contexts)
        {
            terms[context.Key].Context = context.Value;
        }

        List<Phrase> blocked = CheckBlocked();
        return new CheckedConcept(_concept, _path, terms, blocked);
    }

    private CheckedTerm Inflect(TermDefinition definition, int index)
    {
        var forms = new string?[4];
        var spellings = new List<(string Folded, FormKind Form, Located<string> Written)>();
        foreach (FormKind form in AllForms)
        {
            List<Located<string>> written;
            if (definition.Forms.TryGetValue(form, out List<Located<string>>? given))
            {
                written = given;
            }
            else if (form == FormKind.Plural && _concept.Inflection == Inflection.Noun && !definition.AbsentForms.Contains(form))
            {
                // Every spelling of the base form gets its regular plural: donut/doughnut -> donuts/doughnuts.
                written = definition.Forms[FormKind.Base].Select(b => new Located<string>(English.RegularPlural(b.Value), b.Span)).ToList();
            }
            else
            {
                continue;
            }

            forms[(int)form] = written.Count > 0 ? written[0].Value : null;
            foreach (Located<string> spelling in written)
            {
                string folded = NormalizeSpaces(CaptionChars.Fold(spelling.Value));
                if (_spellings.TryGetValue(folded, out (int Term, FormKind Form) other))
                {
                    // The same spelling in two forms of one term ("sheep", "sheep") is fine: the first form is kept.
                    if (other.Term != index)
                    {
                        Error(RuleErrors.DuplicateTerm,
                            $"'{spelling.Value}' is already a spelling of term '{_concept.Terms[other.Term].Canonical}' in concept '{_concept.Name}': remove one, or group them under 'synonyms:' if they mean the same.",
                            spelling.Span);
                    }
                    else if (other.Form == form)
                    {
                        Error(RuleErrors.DuplicateTerm, $"'{spelling.Value}' is written twice for term '{definition.Canonical}': remove one.", spelling.Span);
                    }

                    continue;
                }

                if (!IsMatchable(folded))
                {
                    Error(RuleErrors.InvalidValue,
                        $"'{spelling.Value}' cannot be matched: a term must start and end with a letter or digit.", spelling.Span);
                    continue;
                }

                _spellings[folded] = (index, form);
                spellings.Add((folded, form, spelling));
            }
        }

        var anArticle = new bool[4];
        for (int f = 0; f < 4; f++)
        {
            anArticle[f] = forms[f] is { } text && (definition.Article ?? English.IndefiniteArticle(text)) == "an";
        }

        return new CheckedTerm(definition, forms, anArticle, spellings);
    }

    // Each term's synonym group (the smallest term index in it), or -1. Groups that share a term are one group.
    private int[] Groups(List<List<Located<string>>> groups, int count, string what)
    {
        var parent = new int[count];
        var grouped = new bool[count];
        for (int i = 0; i < count; i++)
        {
            parent[i] = i;
        }

        foreach (List<Located<string>> group in groups)
        {
            int[] members = Resolve(group, what);
            foreach (int term in members)
            {
                grouped[term] = true;
                int a = Root(parent, members[0]);
                int b = Root(parent, term);
                parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }

        var result = new int[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = grouped[i] ? Root(parent, i) : -1;
        }

        return result;
    }

    private static int Root(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private int[] Resolve(List<Located<string>> names, string what)
    {
        var result = new List<int>();
        foreach (Located<string> name in names)
        {
            int term = Find(name, RuleErrors.UnknownTerm, what);
            if (term >= 0)
            {
                result.Add(term);
            }
        }

        return result.ToArray();
    }

    private int Find(Located<string> name, string errorId, string what)
    {
        if (_spellings.TryGetValue(NormalizeSpaces(CaptionChars.Fold(name.Value)), out (int Term, FormKind Form) found))
        {
            return found.Term;
        }

        Error(errorId, $"'{name.Value}' in '{what}' is not a term of concept '{_concept.Name}': add it to 'terms:' or fix its spelling.", name.Span);
        return -1;
    }

    private List<(int, int)> ResolveOpposites()
    {
        var pairs = new List<(int, int)>();
        foreach ((Located<string> first, Located<string> second) in _concept.Opposites)
        {
            int a = Find(first, RuleErrors.OppositeNotATerm, "opposites");
            int b = Find(second, RuleErrors.OppositeNotATerm, "opposites");
            if (a >= 0 && b >= 0)
            {
                pairs.Add((a, b));
            }
        }

        if (pairs.Count > 0 && _concept.Policy != SwapPolicy.Opposite)
        {
            _diagnostics.Add(new RuleDiagnostic(RuleErrors.NoEffect, RuleSeverity.Warning,
                $"Concept '{_concept.Name}' lists 'opposites' but its policy is not 'opposite': they are not used. Set 'policy: opposite' or remove them.",
                _concept.Opposites[0].First.Span));
        }

        return pairs;
    }

    private string NoReplacementMessage(TermDefinition term) => _concept.Policy switch
    {
        SwapPolicy.Opposite => $"Term '{term.Canonical}' has no opposite, so no negative can replace it: add it to 'opposites:' or remove it.",
        SwapPolicy.SameCategory => $"Term '{term.Canonical}' is alone in category '{term.Category}' once synonyms and never-swap pairs are removed: add another term to the category or move it.",
        _ => $"Term '{term.Canonical}' has no allowed replacement: every other term is its synonym or in a never-swap group with it.",
    };

    private Dictionary<int, ContextRule> ResolveContexts()
    {
        var byTerm = new Dictionary<int, ContextRule>();
        foreach (ContextRule context in _concept.Contexts)
        {
            int term = Find(context.Term, RuleErrors.UnknownTerm, "contexts");
            if (term < 0)
            {
                continue;
            }

            CheckContext(context);
            if (byTerm.TryGetValue(term, out ContextRule? existing))
            {
                existing.NotBefore.AddRange(context.NotBefore);
                existing.NotAfter.AddRange(context.NotAfter);
                existing.OnlyBefore.AddRange(context.OnlyBefore);
                existing.OnlyAfter.AddRange(context.OnlyAfter);
            }
            else
            {
                byTerm[term] = context;
            }
        }

        return byTerm;
    }

    private void CheckContext(ContextRule context)
    {
        if (context.NotBefore.Count + context.NotAfter.Count + context.OnlyBefore.Count + context.OnlyAfter.Count == 0)
        {
            Error(RuleErrors.ContextNeverMatches,
                $"The context of '{context.Term.Value}' has no condition: add 'not-before', 'not-after', 'only-before' or 'only-after'.", context.Span);
        }

        foreach (Phrase phrase in context.NotBefore.Concat(context.NotAfter).Concat(context.OnlyBefore).Concat(context.OnlyAfter))
        {
            if (phrase.Words.Count == 0 || phrase.Words.Any(word => !word.All(CaptionChars.IsWordChar) && !IsPunctuationMark(word)))
            {
                Error(RuleErrors.ContextNeverMatches,
                    $"Context phrase '{phrase.Text}' can never match: neighbouring words are letters, digits, '-' and '_', or one punctuation mark, separated by spaces.", phrase.Span);
            }
        }

        Contradiction(context.OnlyBefore, context.NotBefore, "only-before", "not-before", context);
        Contradiction(context.OnlyAfter, context.NotAfter, "only-after", "not-after", context);
    }

    private void Contradiction(List<Phrase> only, List<Phrase> not, string onlyName, string notName, ContextRule context)
    {
        if (only.Count == 0)
        {
            return;
        }

        var excluded = new HashSet<string>(not.Select(p => string.Join(" ", p.Words)), StringComparer.Ordinal);
        if (only.All(p => excluded.Contains(string.Join(" ", p.Words))))
        {
            Error(RuleErrors.ContextNeverMatches,
                $"The context of '{context.Term.Value}' can never match: every '{onlyName}' phrase is also under '{notName}'.", only[0].Span);
        }
    }

    private List<Phrase> CheckBlocked()
    {
        var blocked = new List<Phrase>();
        foreach (Phrase phrase in _concept.Blocked)
        {
            if (phrase.Words.Count == 0 || !IsMatchable(string.Join(" ", phrase.Words)))
            {
                Error(RuleErrors.ContextNeverMatches, $"Blocked phrase '{phrase.Text}' can never match: it must start and end with a letter or digit.", phrase.Span);
                continue;
            }

            if (!ContainsTerm(phrase.Words))
            {
                Error(RuleErrors.ContextNeverMatches,
                    $"Blocked phrase '{phrase.Text}' contains no term of concept '{_concept.Name}', so it can never block one: fix its spelling or move it to the concept it belongs to.",
                    phrase.Span);
                continue;
            }

            blocked.Add(phrase);
        }

        return blocked;
    }

    private bool ContainsTerm(IReadOnlyList<string> words)
    {
        for (int start = 0; start < words.Count; start++)
        {
            for (int end = start + 1; end <= words.Count; end++)
            {
                if (_spellings.ContainsKey(string.Join(" ", words.Skip(start).Take(end - start))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Mirrors the runtime's reading of context words: a single punctuation mark is matched as a character.
    private static bool IsPunctuationMark(string word) => word.Length == 1 && !CaptionChars.IsWordChar(word[0]) && word[0] != ' ';

    private static bool IsMatchable(string folded) =>
        folded.Length > 0 && CaptionChars.IsWordChar(folded[0]) && CaptionChars.IsWordChar(folded[folded.Length - 1]);

    internal static string NormalizeSpaces(string folded) =>
        string.Join(" ", folded.Split(Space, StringSplitOptions.RemoveEmptyEntries));

    private void Error(string id, string message, SourceSpan span) =>
        _diagnostics.Add(new RuleDiagnostic(id, RuleSeverity.Error, message, span));
}

/// <summary>A concept that passed its own checks, ready to be numbered into a pack's tables.</summary>
internal sealed record CheckedConcept(ConceptDefinition Definition, string Path, List<CheckedTerm> Terms, List<Phrase> Blocked);

/// <summary>A term with its forms, articles, spellings to match, replacements (local indices) and context.</summary>
internal sealed class CheckedTerm
{
    public CheckedTerm(TermDefinition definition, string?[] forms, bool[] anArticle, List<(string Folded, FormKind Form, Located<string> Written)> spellings)
    {
        Definition = definition;
        Forms = forms;
        AnArticle = anArticle;
        Spellings = spellings;
    }

    public TermDefinition Definition { get; }

    public string?[] Forms { get; }

    public bool[] AnArticle { get; }

    public List<(string Folded, FormKind Form, Located<string> Written)> Spellings { get; }

    public TargetSet Targets { get; set; } = TargetSet.None;

    public ContextRule? Context { get; set; }
}
