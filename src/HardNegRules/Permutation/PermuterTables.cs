using System.Runtime.CompilerServices;
using HardNegRules.Rules.Compilation;

namespace HardNegRules.Permutation;

/// <summary>
/// A compiled pack laid out in arrays for the hot path. Built once per <see cref="CompiledPack"/>, whether the pack came
/// from generated code or from YAML read at run time, and shared by its permuter and by the writers that turn the
/// permuter's spans into records.
/// </summary>
internal sealed class PermuterTables
{
    public const int FormCount = 4;

    private static readonly ConditionalWeakTable<CompiledPack, PermuterTables> Built = new();

    private PermuterTables(CompiledPack pack)
    {
        Pack = pack;
        int entries = pack.Entries.Count;
        EntryTerm = new int[entries];
        EntryConcept = new int[entries];
        EntryForm = new int[entries];
        EntryContext = new int[entries];
        EntryGroupEnd = new int[entries];
        for (int e = 0; e < entries; e++)
        {
            CompiledEntry entry = pack.Entries[e];
            EntryTerm[e] = entry.Term;
            EntryConcept[e] = entry.Concept;
            EntryForm[e] = entry.Form;
            EntryContext[e] = entry.Context;
        }

        // Entries with the same text are adjacent; each remembers where its group ends.
        for (int e = entries - 1; e >= 0; e--)
        {
            EntryGroupEnd[e] = e + 1 < entries && pack.Entries[e + 1].Text == pack.Entries[e].Text ? EntryGroupEnd[e + 1] : e + 1;
        }

        NeedsPhraseStart = new bool[entries];
        var conceptsOfText = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var blockedOfText = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (CompiledEntry entry in pack.Entries)
        {
            Dictionary<string, ulong> of = entry.Term >= 0 ? conceptsOfText : blockedOfText;
            of[entry.Text] = of.GetValueOrDefault(entry.Text) | (1UL << entry.Concept);
        }

        EntryTextConcepts = new ulong[entries];
        EntryJoinConcepts = new ulong[entries];
        for (int e = 0; e < entries; e++)
        {
            EntryTextConcepts[e] = conceptsOfText.GetValueOrDefault(pack.Entries[e].Text);
            EntryJoinConcepts[e] = EntryTextConcepts[e] | blockedOfText.GetValueOrDefault(pack.Entries[e].Text);
        }

        for (int e = 0; e < entries; e++)
        {
            // A modifier + head compound whose modifier is a particle ("off white" = "off" + the term "white").
            string text = pack.Entries[e].Text;
            int space = text.IndexOf(' ', StringComparison.Ordinal);
            NeedsPhraseStart[e] = pack.Entries[e].Term >= 0 && space > 0 && Particles.Contains(text[..space]) &&
                (conceptsOfText.GetValueOrDefault(text[(space + 1)..]) & (1UL << pack.Entries[e].Concept)) != 0;
        }

        int terms = pack.Terms.Count;
        TermConcept = new int[terms];
        TermWeight = new double[terms];
        TermForms = new string?[terms * FormCount];
        TermAn = new bool[terms * FormCount];
        TermListed = new int[terms][];
        TermPoolStart = new int[terms];
        TermPoolEnd = new int[terms];
        TermExcluded = new int[terms][];
        RuleNames = new string[terms];
        for (int t = 0; t < terms; t++)
        {
            CompiledTerm term = pack.Terms[t];
            TermConcept[t] = term.Concept;
            TermWeight[t] = term.Weight;
            for (int f = 0; f < FormCount; f++)
            {
                TermForms[(t * FormCount) + f] = f < term.Forms.Count ? term.Forms[f] : null;
                TermAn[(t * FormCount) + f] = f < term.AnArticle.Count && term.AnArticle[f];
            }

            TermListed[t] = [.. term.Targets];
            TermPoolStart[t] = term.PoolStart;
            TermPoolEnd[t] = term.PoolEnd;
            TermExcluded[t] = [.. term.Excluded];
            RuleNames[t] = pack.Concepts[term.Concept].Name + "/" + term.Name;
        }

        int concepts = pack.Concepts.Count;
        ConceptNames = new string[concepts];
        ReplaceWeight = new double[concepts];
        SwapWeight = new double[concepts];
        SwapRuleNames = new string[concepts];
        for (int c = 0; c < concepts; c++)
        {
            CompiledConcept concept = pack.Concepts[c];
            ConceptNames[c] = concept.Name;
            ReplaceWeight[c] = concept.Weight * concept.ReplaceWeight;
            SwapWeight[c] = concept.Weight * concept.SwapWeight;
            SwapRuleNames[c] = concept.Name + "/swap";
        }

        Contexts = new ContextConditions[pack.Contexts.Count];
        for (int i = 0; i < Contexts.Length; i++)
        {
            CompiledContext context = pack.Contexts[i];
            Contexts[i] = new ContextConditions(Words(context.NotBefore), Words(context.NotAfter), Words(context.OnlyBefore), Words(context.OnlyAfter));
        }

        // Per form, running sums of the weights of the terms that have it, so a pool's weight is two lookups.
        FormWeightPrefix = new double[FormCount][];
        for (int f = 0; f < FormCount; f++)
        {
            double[] prefix = FormWeightPrefix[f] = new double[terms + 1];
            for (int t = 0; t < terms; t++)
            {
                prefix[t + 1] = prefix[t] + (Writable(t, f) ? TermWeight[t] : 0);
            }
        }

        TargetCount = new int[terms * FormCount];
        for (int t = 0; t < terms; t++)
        {
            for (int f = 0; f < FormCount; f++)
            {
                int count = 0;
                foreach (int target in TermListed[t])
                {
                    count += Writable(target, f) ? 1 : 0;
                }

                // Pools are only as large as their concept; counting them per form would again be quadratic, so count
                // through a running count.
                count += WritableBefore(f, TermPoolEnd[t]) - WritableBefore(f, TermPoolStart[t]);
                foreach (int excluded in TermExcluded[t])
                {
                    count -= Writable(excluded, f) ? 1 : 0;
                }

                TargetCount[(t * FormCount) + f] = count;
            }
        }

        MaxNegatives = pack.MaxNegatives;
        foreach (string? form in TermForms)
        {
            MaxFormLength = Math.Max(MaxFormLength, form?.Length ?? 0);
        }
    }

    /// <summary>
    /// For each entry, whether it is a compound whose first word is a particle and whose rest is a term of its concept
    /// ("off white"): it is read only where a noun phrase may begin, since after a verb the particle belongs to the verb
    /// ("letting off white smoke").
    /// </summary>
    public bool[] NeedsPhraseStart { get; }

    /// <summary>
    /// For each entry, the concepts (one bit each) that have a term with the entry's text, whether or not a context lets
    /// it apply at a given place: "cream" after "tan and" is still a color word that "tan" is coordinated with.
    /// </summary>
    public ulong[] EntryTextConcepts { get; }

    /// <summary>
    /// For each entry, the concepts that have a term or a blocked phrase with the entry's text: what a coordination
    /// joins ("off white and red" is one unit where "off white" is blocked).
    /// </summary>
    public ulong[] EntryJoinConcepts { get; }

    /// <summary>The longest text any term writes: bounds how much a negative can grow.</summary>
    public int MaxFormLength { get; }

    public CompiledPack Pack { get; }

    /// <summary>The tables of <paramref name="pack"/>, built at its first use and kept as long as the pack lives.</summary>
    /// <param name="pack">The pack.</param>
    /// <returns>The tables.</returns>
    public static PermuterTables Of(CompiledPack pack) => Built.GetValue(pack, p => new PermuterTables(p));

    public int[] EntryTerm { get; }

    public int[] EntryConcept { get; }

    public int[] EntryForm { get; }

    public int[] EntryContext { get; }

    public int[] EntryGroupEnd { get; }

    public int[] TermConcept { get; }

    public double[] TermWeight { get; }

    /// <summary>The text written for term t in form f, at [t * FormCount + f]; null where the term lacks the form.</summary>
    public string?[] TermForms { get; }

    public bool[] TermAn { get; }

    /// <summary>Targets listed one by one, per term, ascending.</summary>
    public int[][] TermListed { get; }

    /// <summary>The first term of each term's pool of targets.</summary>
    public int[] TermPoolStart { get; }

    /// <summary>The end (exclusive) of each term's pool of targets.</summary>
    public int[] TermPoolEnd { get; }

    /// <summary>Terms of each pool that are not targets, ascending.</summary>
    public int[][] TermExcluded { get; }

    /// <summary>Per form, the sum of the weights of writable terms before each term index.</summary>
    public double[][] FormWeightPrefix { get; }

    /// <summary>The number of targets of term t that have form f, at [t * FormCount + f].</summary>
    public int[] TargetCount { get; }

    public string[] RuleNames { get; }

    public string[] ConceptNames { get; }

    /// <summary>Concept weight times the replace kind's weight.</summary>
    public double[] ReplaceWeight { get; }

    /// <summary>Concept weight times the swap kind's weight.</summary>
    public double[] SwapWeight { get; }

    public string[] SwapRuleNames { get; }

    public ContextConditions[] Contexts { get; }

    public int MaxNegatives { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? Form(int term, int form) => TermForms[(term * FormCount) + form];

    /// <summary>Whether <paramref name="by"/> may replace <paramref name="term"/> (in any form).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool CanReplace(int term, int by) =>
        TermWeight[by] > 0 && (SortedInts.Contains(TermListed[term], by) ||
            (by >= TermPoolStart[term] && by < TermPoolEnd[term] && !SortedInts.Contains(TermExcluded[term], by)));

    /// <summary>Every target of a term, ascending (for explanations; walks the whole pool).</summary>
    public IEnumerable<int> Targets(int term)
    {
        var all = new SortedSet<int>(TermListed[term]);
        for (int t = TermPoolStart[term]; t < TermPoolEnd[term]; t++)
        {
            if (TermWeight[t] > 0 && Array.BinarySearch(TermExcluded[term], t) < 0)
            {
                all.Add(t);
            }
        }

        return all;
    }

    /// <summary>Whether term t can be written in form f: it has the form and a positive weight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Writable(int term, int form) => TermWeight[term] > 0 && TermForms[(term * FormCount) + form] is not null;

    private int[][]? _writablePrefix;

    private int WritableBefore(int form, int term)
    {
        if (_writablePrefix is null)
        {
            _writablePrefix = new int[FormCount][];
            for (int f = 0; f < FormCount; f++)
            {
                int[] prefix = _writablePrefix[f] = new int[TermWeight.Length + 1];
                for (int t = 0; t < TermWeight.Length; t++)
                {
                    prefix[t + 1] = prefix[t] + (Writable(t, f) ? 1 : 0);
                }
            }
        }

        return _writablePrefix[form][term];
    }

    private static readonly HashSet<string> Particles = new(HardNegRules.Rules.Text.English.Particles, StringComparer.Ordinal);

    private static string[][] Words(IReadOnlyList<IReadOnlyList<string>> phrases)
    {
        var result = new string[phrases.Count][];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = [.. phrases[i]];
        }

        return result;
    }
}

/// <summary>Which condition of a context failed.</summary>
internal enum ContextFailure
{
    None,
    NotBefore,
    NotAfter,
    OnlyBefore,
    OnlyAfter,
}

/// <summary>A context's phrases, each as its folded words, and the same phrases indexed for the hot path.</summary>
internal sealed record ContextConditions(string[][] NotBefore, string[][] NotAfter, string[][] OnlyBefore, string[][] OnlyAfter)
{
    public Matching.PhraseIndex NotBeforeIndex { get; } = new(NotBefore, after: true);

    public Matching.PhraseIndex NotAfterIndex { get; } = new(NotAfter, after: false);

    public Matching.PhraseIndex OnlyBeforeIndex { get; } = new(OnlyBefore, after: true);

    public Matching.PhraseIndex OnlyAfterIndex { get; } = new(OnlyAfter, after: false);
}
