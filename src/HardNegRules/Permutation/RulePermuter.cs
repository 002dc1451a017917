using System.Buffers;
using System.Runtime.CompilerServices;
using HardNegRules.Matching;
using HardNegRules.Rules.Compilation;
using HardNegRules.Rules.Text;

namespace HardNegRules.Permutation;

/// <summary>
/// The permuter engine over a compiled pack. Matching is a flat automaton over the caption's folded characters
/// (<see cref="CaptionAutomaton"/>): generated permuters carry its table as data compiled at build, the interpreter
/// builds it from rules read at run time. Context conditions, sampling and writing negatives are shared, so both give
/// the same negatives for the same rules and seed.
/// </summary>
public abstract class RulePermuter : IPermuter
{
    // Bounds of the allocation-free path: captions with more terms keep the first ones.
    internal const int MaxMatches = 64;
    private const int MaxSlots = 256;

    private readonly string[] _concepts;
    private readonly CaptionAutomaton _automaton;

    /// <summary>Creates the engine over a compiled pack, building its automaton from the pack's texts.</summary>
    /// <param name="pack">The pack's tables.</param>
    protected RulePermuter(CompiledPack pack)
        : this(pack, MatchTrie.Build(pack ?? throw new ArgumentNullException(nameof(pack))).Encode())
    {
    }

    /// <summary>Creates the engine over a compiled pack and its encoded trie (as the generator writes it).</summary>
    /// <param name="pack">The pack's tables.</param>
    /// <param name="trie">The pack's texts as <see cref="MatchTrie.Encode"/> writes them.</param>
    protected RulePermuter(CompiledPack pack, ReadOnlySpan<int> trie)
    {
        ArgumentNullException.ThrowIfNull(pack);
        Tables = PermuterTables.Of(pack);
        _concepts = Tables.ConceptNames;
        _automaton = new CaptionAutomaton(trie);
    }

    /// <inheritdoc />
    public string Pack => Tables.Pack.Name;

    /// <inheritdoc />
    public IReadOnlyList<string> Concepts => _concepts;

    /// <inheritdoc />
    public CompiledPack CompiledPack => Tables.Pack;

    internal PermuterTables Tables { get; }

    /// <summary>The matcher's automaton (for measurements of the scan alone).</summary>
    internal CaptionAutomaton Automaton => _automaton;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int FindTerms(ReadOnlySpan<char> caption, Span<TermMatch> matches, ulong conceptMask = ConceptMask.All) =>
        FindTerms(caption, matches, conceptMask, []);

    /// <summary>
    /// The caption's terms, and (when <paramref name="partners"/> has room) the terms each stands in a coordination
    /// with: the words of its concept joined to it by "and", "or", "&amp;", "/", a comma or only whitespace ("black and
    /// white", "tan and cream", "brown red"). A partner counts whatever its context decides there ("cream" after "and" is
    /// the food's context, but still a color word next to "tan") and whatever concepts are asked for, and a chain of
    /// joined terms goes on through such a word ("tan and cream and brown": "tan" and "brown" are one coordination). A
    /// text joined to the one before it is a list's item, not part of a name, even where both are capitalised ("A
    /// Purple, Dark Green And Off White Elephant").
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindTerms(ReadOnlySpan<char> caption, Span<TermMatch> matches, ulong conceptMask, Span<Partners> partners)
    {
        bool withPartners = partners.Length >= matches.Length;
        int count = 0;
        int i = 0;
        int previousEnd = -1;
        int previousGroup = -1;
        int previousMatch = -1;
        // The last match of the run of joined texts that ends with the previous text, or -1.
        int chainMatch = -1;
        while (count < matches.Length && NextMatch(caption, ref i, out int start, out int group) is int length and > 0)
        {
            bool joined = withPartners && JoinedTo(caption, previousGroup, previousEnd, group, start);
            if (joined && previousMatch >= 0)
            {
                int concept = matches[previousMatch].Concept;
                if (TermOf(group, concept) is int right and >= 0)
                {
                    partners[previousMatch] = partners[previousMatch] with { Right = right };
                }
                else if ((Tables.EntryJoinConcepts[group] & (1UL << concept)) != 0)
                {
                    partners[previousMatch] = partners[previousMatch] with { JoinedToText = true };
                }
            }

            int leftGroup = previousGroup;
            int leftEnd = previousEnd;
            chainMatch = joined ? chainMatch : -1;
            previousEnd = start + length;
            previousGroup = group;
            previousMatch = -1;
            int entry = Resolve(caption, start, start + length, group);
            if (entry >= 0 && NotATermHere(caption, start, start + length, leftGroup, leftEnd, group) is null)
            {
                int concept = Tables.EntryConcept[entry];
                if ((conceptMask & (1UL << concept)) != 0)
                {
                    if (withPartners)
                    {
                        // Every match of a run of joined texts is in its chain, whatever its concept: "orange" the fruit
                        // in "pink, orange, and gold" still keeps "gold" from becoming a word "pink" excludes.
                        int left = joined ? TermOf(leftGroup, concept) : -1;
                        partners[count] = new Partners(left, -1, joined && chainMatch >= 0 ? partners[chainMatch].Chain : count,
                            JoinedToText: joined && left < 0 && (Tables.EntryJoinConcepts[leftGroup] & (1UL << concept)) != 0);
                    }

                    previousMatch = count;
                    chainMatch = count;
                    matches[count++] = new TermMatch(start, length, concept, Tables.EntryTerm[entry], Tables.EntryForm[entry]);
                }
            }
        }

        return count;
    }

    // Why a text whose entry applies is still no term at this place (null: it is one), as matching and explanations both
    // decide: inside a web address or handle, or part of a capitalised name, unless it is a list's item joined to the
    // text before it ("A Purple, Dark Green And Off White Elephant"). Names are rare: whether the text is joined is asked
    // only of a capitalised one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private string? NotATermHere(ReadOnlySpan<char> caption, int start, int end, int previousGroup, int previousEnd, int group) =>
        Neighbours.InAddress(caption, start, end) ? "inside a web address or handle"
        : Neighbours.InName(caption, start, end) && !JoinedTo(caption, previousGroup, previousEnd, group, start) ? "part of a capitalised name"
        : null;

    // Whether a text stands in a coordination with the text before it: a concept in common, and only a coordinating word,
    // mark or whitespace between.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool JoinedTo(ReadOnlySpan<char> caption, int previousGroup, int previousEnd, int group, int start) =>
        previousGroup >= 0 && (Tables.EntryJoinConcepts[previousGroup] & Tables.EntryJoinConcepts[group]) != 0 &&
        Neighbours.Joined(caption, previousEnd, start);

    // The term a matched text is in a concept, whatever its context says here; -1 if it is none of that concept's.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int TermOf(int group, int concept)
    {
        if ((Tables.EntryTextConcepts[group] & (1UL << concept)) == 0)
        {
            return -1;
        }

        for (int e = group; e < Tables.EntryGroupEnd[group]; e++)
        {
            if (Tables.EntryConcept[e] == concept && Tables.EntryTerm[e] >= 0)
            {
                return Tables.EntryTerm[e];
            }
        }

        return -1;
    }

    /// <summary>
    /// Moves <paramref name="i"/> past the next rule text that starts at a word start, skipping compounds read across a
    /// phrase boundary.
    /// </summary>
    /// <returns>The text's length, or 0 when the caption has no more.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int NextMatch(ReadOnlySpan<char> caption, ref int i, out int start, out int group)
    {
        int length;
        while ((length = _automaton.Next(caption, ref i, out start, out group)) > 0)
        {
            // "letting off white smoke": the particle belongs to the verb, so neither "off white" nor "white" alone is
            // read with certainty; leave the whole compound.
            if (!Tables.NeedsPhraseStart[group] || OpensNounPhrase(caption, start))
            {
                return length;
            }
        }

        return 0;
    }

    // Whether a noun phrase may begin at a word start: the caption's start, punctuation, or a determiner, preposition,
    // conjunction or form of "be" before it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool OpensNounPhrase(ReadOnlySpan<char> caption, int start)
    {
        int end = start;
        while (end > 0 && CaptionChars.Fold(caption[end - 1]) == ' ')
        {
            end--;
        }

        if (end == 0 || !CaptionChars.IsWordChar(caption[end - 1]))
        {
            return true;
        }

        int begin = end;
        while (begin > 0 && CaptionChars.IsWordChar(caption[begin - 1]))
        {
            begin--;
        }

        ReadOnlySpan<char> word = caption[begin..end];
        foreach (string opener in NounPhraseOpeners)
        {
            if (opener.Length == word.Length && FoldedEquals(word, opener))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] NounPhraseOpeners = [.. English.NounPhraseOpeners];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool FoldedEquals(ReadOnlySpan<char> text, string folded)
    {
        for (int i = 0; i < folded.Length; i++)
        {
            if (CaptionChars.Fold(text[i]) != folded[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The entry of a matched text's group that applies here: the first whose context passes. A blocked phrase, or a
    /// group where no context passes, gives -1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int Resolve(ReadOnlySpan<char> caption, int start, int end, int group)
    {
        int groupEnd = Tables.EntryGroupEnd[group];
        for (int e = group; e < groupEnd; e++)
        {
            if (Tables.EntryTerm[e] < 0)
            {
                return -1;
            }

            int context = Tables.EntryContext[e];
            if (context < 0 || ContextPasses(caption, start, end, Tables.Contexts[context]))
            {
                return e;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public IReadOnlyList<TermExplanation> Explain(string caption)
    {
        ArgumentNullException.ThrowIfNull(caption);
        var result = new List<TermExplanation>();
        int i = 0;
        int previousGroup = -1;
        int previousEnd = -1;
        while (NextMatch(caption, ref i, out int start, out int group) is int length and > 0)
        {
            // A blocked phrase is explained as such; a term may be no term at this place.
            string? where = Tables.EntryTerm[group] < 0 ? null : NotATermHere(caption, start, start + length, previousGroup, previousEnd, group);
            previousGroup = group;
            previousEnd = start + length;
            if (where is null)
            {
                ExplainGroup(caption, start, length, group, result);
                continue;
            }

            var entry = Tables.Pack.Entries[group];
            result.Add(new TermExplanation(start, length, caption.Substring(start, length), Tables.ConceptNames[entry.Concept],
                Tables.Pack.Terms[entry.Term].Name, false, where, entry.Source, [], []));
        }

        return result;
    }

    private void ExplainGroup(string caption, int start, int length, int group, List<TermExplanation> result)
    {
        string text = caption.Substring(start, length);
        for (int e = group; e < Tables.EntryGroupEnd[group]; e++)
        {
            var entry = Tables.Pack.Entries[e];
            string concept = Tables.ConceptNames[entry.Concept];
            if (entry.Term < 0)
            {
                result.Add(new TermExplanation(start, length, text, concept, null, false, $"blocked phrase of {concept}: no term inside it is changed", entry.Source, [], []));
                return;
            }

            string term = Tables.Pack.Terms[entry.Term].Name;
            if (entry.Context >= 0 && CheckContext(caption, start, start + length, Tables.Contexts[entry.Context]) is { Failure: not ContextFailure.None } failed)
            {
                string why = "context fails: " + Describe(Tables.Contexts[entry.Context], failed.Failure, failed.Phrase);
                result.Add(new TermExplanation(start, length, text, concept, term, false, why, Tables.Pack.Contexts[entry.Context].Source, [], []));
                continue;
            }

            var replacements = new List<string>();
            var skipped = new List<string>();
            string form = ((HardNegRules.Rules.Model.FormKind)entry.Form).ToString().ToLowerInvariant();
            foreach (int target in Tables.Targets(entry.Term))
            {
                if (Tables.Form(target, entry.Form) is { } replacement)
                {
                    replacements.Add(replacement);
                }
                else
                {
                    skipped.Add($"{Tables.Pack.Terms[target].Name} (no {form} form)");
                }
            }

            string reason = replacements.Count > 0 ? $"{concept} term '{term}' ({form})" : $"{concept} term '{term}' has no replacement in its {form} form";
            result.Add(new TermExplanation(start, length, text, concept, term, replacements.Count > 0, reason, entry.Source, replacements, skipped));
            return;
        }
    }

    /// <summary>
    /// Whether a context's conditions hold here; allocation-free, for the hot path. The same answer as
    /// <see cref="CheckContext"/>, through the phrases indexed by the word next to the term.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool ContextPasses(ReadOnlySpan<char> caption, int start, int end, ContextConditions context) =>
        SidePasses(caption, end, context.NotBeforeIndex, context.OnlyBeforeIndex, after: true)
        && SidePasses(caption, start, context.NotAfterIndex, context.OnlyAfterIndex, after: false);

    // One side of a context: no phrase of `excluded` touches the term there, and one of `required` does if it has any.
    // The conditions of a side share one read of the word there.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SidePasses(ReadOnlySpan<char> caption, int at, PhraseIndex excluded, PhraseIndex required, bool after)
    {
        if (excluded.IsEmpty && required.IsEmpty)
        {
            return true;
        }

        NeighbourWord word = !excluded.HasKeys && !required.HasKeys ? default
            : after ? PhraseIndex.WordAfter(caption, at) : PhraseIndex.WordBefore(caption, at);
        return !excluded.Any(caption, at, word) && (required.IsEmpty || required.Any(caption, at, word));
    }

    /// <summary>Which condition of a context fails here (and which of its phrases matched), if any.</summary>
    internal static (ContextFailure Failure, int Phrase) CheckContext(ReadOnlySpan<char> caption, int start, int end, ContextConditions context)
    {
        for (int p = 0; p < context.NotBefore.Length; p++)
        {
            if (Neighbours.FollowedBy(caption, end, context.NotBefore[p]))
            {
                return (ContextFailure.NotBefore, p);
            }
        }

        for (int p = 0; p < context.NotAfter.Length; p++)
        {
            if (Neighbours.PrecededBy(caption, start, context.NotAfter[p]))
            {
                return (ContextFailure.NotAfter, p);
            }
        }

        if (context.OnlyBefore.Length > 0 && !AnyFollows(caption, end, context.OnlyBefore))
        {
            return (ContextFailure.OnlyBefore, -1);
        }

        if (context.OnlyAfter.Length > 0 && !AnyPrecedes(caption, start, context.OnlyAfter))
        {
            return (ContextFailure.OnlyAfter, -1);
        }

        return (ContextFailure.None, -1);
    }

    private static string Describe(ContextConditions context, ContextFailure failure, int phrase) => failure switch
    {
        ContextFailure.NotBefore => $"followed by '{string.Join(' ', context.NotBefore[phrase])}' (not-before)",
        ContextFailure.NotAfter => $"preceded by '{string.Join(' ', context.NotAfter[phrase])}' (not-after)",
        ContextFailure.OnlyBefore => "not followed by any 'only-before' phrase",
        _ => "not preceded by any 'only-after' phrase",
    };

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Permute(ReadOnlySpan<char> caption, int k, NegativeSeed seed, Span<char> textBuffer, Span<NegativeSpan> results,
        ulong conceptMask = ConceptMask.All)
    {
        if (Tables.MaxNegatives > 0)
        {
            k = Math.Min(k, Tables.MaxNegatives);
        }

        k = Math.Min(k, results.Length);
        if (k <= 0 || caption.IsEmpty)
        {
            return 0;
        }

        Span<TermMatch> matches = stackalloc TermMatch[MaxMatches];
        Span<Partners> partners = stackalloc Partners[MaxMatches];
        int matchCount = FindTerms(caption, matches, conceptMask, partners);
        if (matchCount == 0)
        {
            return 0;
        }

        // Room for every replace slot and every pair of matches, bounded: a caption has a handful of terms.
        Span<Slot> slots = stackalloc Slot[Math.Min(MaxSlots, matchCount + (matchCount * (matchCount - 1) / 2))];
        int slotCount = BuildSlots(caption, matches[..matchCount], partners[..matchCount], slots);
        if (slotCount == 0)
        {
            return 0;
        }

        Span<long> used = stackalloc long[Math.Min(k, 256)];
        var random = new SplitMix(seed.Value);
        int written = 0;
        int textUsed = 0;
        while (written < used.Length)
        {
            int s = PickSlot(slots[..slotCount], ref random);
            if (s < 0)
            {
                break;
            }

            ref Slot slot = ref slots[s];
            TermMatch first = matches[slot.First];
            int to;
            TermMatch second = default;
            if (slot.Second < 0)
            {
                to = PickTarget(first, s, slot.Coordination, matches[..matchCount], partners[..matchCount], used[..written], ref random);
                if (to < 0)
                {
                    slot.Remaining = 0;
                    continue;
                }
            }
            else
            {
                second = matches[slot.Second];
                to = second.Term;
            }

            slot.Remaining--;
            slot.Picks++;
            // The bound ran out: count exactly, unless this was the last negative asked for.
            if (slot.Remaining <= 0 && !slot.Exact && written + 1 < used.Length)
            {
                slot.Exact = true;
                slot.Remaining = CountTargets(first) - slot.Coordination.CountRuledOut(Tables, matches[..matchCount], partners[..matchCount], first) - slot.Picks;
            }

            used[written] = ((long)s << 32) | (uint)to;
            int length = slot.Second < 0
                ? NegativeWriter.WriteReplace(Tables, caption, first, to, textBuffer[textUsed..])
                : NegativeWriter.WriteSwap(Tables, caption, first, second, textBuffer[textUsed..]);
            if (length < 0)
            {
                break;
            }

            results[written++] = new NegativeSpan(textUsed, length, slot.Second < 0 ? NegativeKind.Replace : NegativeKind.Swap,
                first.Concept, first, to, second);
            textUsed += length;
        }

        return written;
    }

    /// <inheritdoc />
    public IReadOnlyList<HardNegative> Permute(string caption, int k, NegativeSeed seed, ulong conceptMask = ConceptMask.All)
    {
        ArgumentNullException.ThrowIfNull(caption);
        if (k <= 0)
        {
            return [];
        }

        int max = Math.Min(k, 256);
        NegativeSpan[] spans = ArrayPool<NegativeSpan>.Shared.Rent(max);
        char[] buffer = ArrayPool<char>.Shared.Rent((caption.Length + (2 * Tables.MaxFormLength) + 8) * max);
        try
        {
            int count = Permute(caption, max, seed, buffer, spans.AsSpan(0, max), conceptMask);
            if (count == 0)
            {
                return [];
            }

            var negatives = new HardNegative[count];
            for (int i = 0; i < count; i++)
            {
                negatives[i] = ToHardNegative(caption, buffer, spans[i]);
            }

            return negatives;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
            ArrayPool<NegativeSpan>.Shared.Return(spans);
        }
    }

    private HardNegative ToHardNegative(string caption, char[] buffer, in NegativeSpan span)
    {
        string text = new(buffer, span.TextStart, span.TextLength);
        TermMatch first = span.First;
        string concept = Tables.ConceptNames[span.Concept];
        if (span.Kind == NegativeKind.Replace)
        {
            var edit = new TermEdit(first.Start, first.Length, caption.Substring(first.Start, first.Length),
                NegativeWriter.Cased(caption, first.Start, first.Length, Tables.Form(span.FirstTo, first.Form)!));
            return new HardNegative(text, concept, NegativeKind.Replace, Tables.RuleNames[first.Term], edit);
        }

        // A swap moves each text as written: each edit's To is the other's From.
        TermMatch second = span.Second;
        string firstText = caption.Substring(first.Start, first.Length);
        string secondText = caption.Substring(second.Start, second.Length);
        var firstEdit = new TermEdit(first.Start, first.Length, firstText, secondText);
        var secondEdit = new TermEdit(second.Start, second.Length, secondText, firstText);
        return new HardNegative(text, concept, NegativeKind.Swap, Tables.SwapRuleNames[span.Concept], firstEdit, secondEdit);
    }

    // A way to make negatives: replace one match (Second < 0) or swap two matches of one concept.
    private struct Slot
    {
        public int First;
        public int Second;
        public double Weight;
        public int Remaining;
        public bool Exact;
        public int Picks;
        public Coordination Coordination;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int BuildSlots(ReadOnlySpan<char> caption, ReadOnlySpan<TermMatch> matches, ReadOnlySpan<Partners> partners, Span<Slot> slots)
    {
        int count = 0;
        for (int m = 0; m < matches.Length && count < slots.Length; m++)
        {
            TermMatch match = matches[m];
            double weight = Tables.ReplaceWeight[match.Concept] * Tables.TermWeight[match.Term];
            // "a black and brown dog" never becomes "a brown and brown dog": a coordinated term is not replaced by its
            // partner, nor by a word the partner excludes ("blue and yellow" -> "blue and sky blue").
            Coordination coordination = Coordination.Of(m, partners);
            if (weight <= 0)
            {
                continue;
            }

            // Only whether a slot has a target left decides anything, so while the targets surely outnumber what the
            // coordination could rule out, that bound stands in for the exact count (made when the bound runs out).
            int all = CountTargets(match);
            int targets = all - coordination.MostRuledOut(Tables, matches, partners, match);
            bool exact = targets <= 0;
            if (exact)
            {
                targets = all - coordination.CountRuledOut(Tables, matches, partners, match);
            }

            if (targets > 0)
            {
                slots[count++] = new Slot { First = m, Second = -1, Weight = weight, Remaining = targets, Exact = exact, Coordination = coordination };
            }
        }

        // "an orange sofa with black and white fence": "black and white" describes one thing together, so none of its
        // terms swaps, with each other or with a term elsewhere ("a black sofa with orange and white fence" is wrong).
        for (int a = 0; a < matches.Length; a++)
        {
            TermMatch first = matches[a];
            double weight = Tables.SwapWeight[first.Concept];
            if (weight <= 0 || !partners[a].IsEmpty)
            {
                continue;
            }

            for (int b = a + 1; b < matches.Length && count < slots.Length; b++)
            {
                TermMatch second = matches[b];
                if (second.Concept == first.Concept && partners[b].IsEmpty && Swappable(caption, first, second))
                {
                    slots[count++] = new Slot { First = a, Second = b, Weight = weight, Remaining = 1, Exact = true };
                }
            }
        }

        return count;
    }

    // Two terms swap when each may replace the other and both are written in one form: the texts move as written, so
    // "two dogs" and "a cat" cannot exchange their nouns without breaking agreement. Nor may a swap move the capital of a
    // sentence's first word into the middle ("Black cat with green eyes" -> "green cat with Black eyes").
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Swappable(ReadOnlySpan<char> caption, TermMatch first, TermMatch second) =>
        first.Term != second.Term && first.Form == second.Form && Tables.CanReplace(first.Term, second.Term) &&
        Tables.CanReplace(second.Term, first.Term) &&
        (Neighbours.StartsUpper(caption, first.Start) == Neighbours.StartsUpper(caption, second.Start) ||
         !(Neighbours.AtSentenceStart(caption, first.Start) || Neighbours.AtSentenceStart(caption, second.Start)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CountTargets(TermMatch match) => Tables.TargetCount[(match.Term * PermuterTables.FormCount) + match.Form];

    // Weighted choice among the slots picked least so far: negatives spread over the caption's terms (every term and
    // concept once before any twice), and weights decide the order and the share when k exceeds the terms.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int PickSlot(Span<Slot> slots, ref SplitMix random)
    {
        int fewest = int.MaxValue;
        foreach (Slot slot in slots)
        {
            if (slot.Remaining > 0 && slot.Weight > 0 && slot.Picks < fewest)
            {
                fewest = slot.Picks;
            }
        }

        double total = 0;
        foreach (Slot slot in slots)
        {
            if (slot.Remaining > 0 && slot.Picks == fewest)
            {
                total += slot.Weight;
            }
        }

        if (total <= 0)
        {
            return -1;
        }

        double r = random.NextDouble() * total;
        int last = -1;
        for (int s = 0; s < slots.Length; s++)
        {
            if (slots[s].Remaining <= 0 || slots[s].Picks != fewest)
            {
                continue;
            }

            last = s;
            r -= slots[s].Weight;
            if (r < 0)
            {
                return s;
            }
        }

        return last;
    }

    // A target of the match's term with its form, by weight, not yet used for this slot. Listed targets are walked; a
    // pool is searched in its running weight sums, skipping the excluded and used terms' stretches of weight, so a pick
    // costs the logarithm of the concept's size, not its size.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int PickTarget(TermMatch match, int slot, in Coordination coordination, ReadOnlySpan<TermMatch> matches,
        ReadOnlySpan<Partners> partners, ReadOnlySpan<long> used, ref SplitMix random)
    {
        int term = match.Term;
        int form = match.Form;
        int[] listed = Tables.TermListed[term];
        double listedTotal = 0;
        foreach (int target in listed)
        {
            if (Available(match, slot, target, used) && (coordination.IsEmpty || !coordination.Avoids(Tables, matches, partners, target)))
            {
                listedTotal += Tables.TermWeight[target];
            }
        }

        // The used targets of this slot that lie in the pool, ascending (a caption asks for few negatives).
        int poolStart = Tables.TermPoolStart[term];
        int poolEnd = Tables.TermPoolEnd[term];
        int[] excluded = Tables.TermExcluded[term];
        int avoidable = coordination.IsEmpty ? 0 : coordination.Capacity(Tables, matches, partners);
        Span<int> usedInPool = stackalloc int[used.Length + avoidable];
        int usedCount = 0;
        foreach (long u in used)
        {
            int target = (int)(uint)u;
            if ((int)(u >> 32) == slot && target >= poolStart && target < poolEnd && !SortedInts.Contains(excluded, target))
            {
                usedInPool[usedCount++] = target;
            }
        }

        // The words the coordination rules out leave the pool like used ones (never picked, so never among them).
        if (!coordination.IsEmpty)
        {
            Span<int> ruledOut = usedInPool[usedCount..];
            int n = coordination.Collect(Tables, matches, partners, ruledOut);
            for (int x = 0; x < n; x++)
            {
                int t = ruledOut[x];
                if (t >= poolStart && t < poolEnd && !SortedInts.Contains(excluded, t))
                {
                    usedInPool[usedCount++] = t;
                }
            }
        }

        usedInPool = usedInPool[..usedCount];
        SortedInts.Sort(usedInPool);
        double[] prefix = Tables.FormWeightPrefix[form];
        double poolTotal = prefix[poolEnd] - prefix[poolStart];
        foreach (int x in excluded)
        {
            poolTotal -= prefix[x + 1] - prefix[x];
        }

        foreach (int x in usedInPool)
        {
            poolTotal -= prefix[x + 1] - prefix[x];
        }

        double r = random.NextDouble() * (listedTotal + Math.Max(0, poolTotal));
        int last = -1;
        foreach (int target in listed)
        {
            if (!Available(match, slot, target, used) || (!coordination.IsEmpty && coordination.Avoids(Tables, matches, partners, target)))
            {
                continue;
            }

            last = target;
            r -= Tables.TermWeight[target];
            if (r < 0)
            {
                return target;
            }
        }

        if (poolTotal <= 0)
        {
            return last;
        }

        // r is now a point in the pool's weight without the removed stretches: move it past each removed stretch that
        // starts at or before it, in ascending order, then find the term whose stretch holds it.
        double v = prefix[poolStart] + r;
        int e = 0;
        int u2 = 0;
        while (e < excluded.Length || u2 < usedInPool.Length)
        {
            int x = u2 >= usedInPool.Length || (e < excluded.Length && excluded[e] < usedInPool[u2]) ? excluded[e++] : usedInPool[u2++];
            if (prefix[x] > v)
            {
                break;
            }

            v += prefix[x + 1] - prefix[x];
        }

        // The first term of the pool whose stretch ends past v (the last term if none): a search without a branch per
        // step (a conditional move), since the comparisons of a random point are unpredictable.
        int lo = poolStart;
        int length = poolEnd - poolStart;
        while (length > 1)
        {
            int half = length >> 1;
            lo = prefix[lo + half] > v ? lo : lo + half;
            length -= half;
        }

        lo = Math.Min(prefix[lo + 1] > v ? lo : lo + 1, poolEnd - 1);

        // Rounding can land on a removed or empty stretch at the very end: take the nearest available term before it.
        for (int t = lo; t >= poolStart; t--)
        {
            if (prefix[t + 1] > prefix[t] && !SortedInts.Contains(excluded, t) && !SortedInts.AnyEqual(usedInPool, t))
            {
                return t;
            }
        }

        return last;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Available(TermMatch match, int slot, int target, ReadOnlySpan<long> used) =>
        Tables.Writable(target, match.Form) && !SortedInts.AnyEqual(used, ((long)slot << 32) | (uint)target);

    private static bool AnyFollows(ReadOnlySpan<char> caption, int end, string[][] phrases)
    {
        foreach (string[] phrase in phrases)
        {
            if (Neighbours.FollowedBy(caption, end, phrase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyPrecedes(ReadOnlySpan<char> caption, int start, string[][] phrases)
    {
        foreach (string[] phrase in phrases)
        {
            if (Neighbours.PrecededBy(caption, start, phrase))
            {
                return true;
            }
        }

        return false;
    }
}
