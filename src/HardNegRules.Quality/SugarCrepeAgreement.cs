using HardNegRules.Data.Loaders;

namespace HardNegRules.Quality;

/// <summary>
/// How far the rules agree with SugarCrepe's human-checked negatives (Hsieh et al. 2023). For replace records whose
/// negative differs from the caption in one term: does the rule pack recognise the caption's term, and can it make the
/// human's negative? For swap records: can the swap kind make the human's negative?
/// </summary>
public static class SugarCrepeAgreement
{
    // Enough negatives to list every replacement and swap of a caption: the permuter stops when its choices run out.
    private const int AllNegatives = 256;

    // A term is at most this many words ("in front of"): longer differences are rewrites, not one replaced term.
    private const int MaxTermWords = 3;

    /// <summary>Measures agreement on replace records (SugarCrepe's replace_att and replace_obj).</summary>
    /// <param name="permuter">The rule pack's permuter.</param>
    /// <param name="records">The records.</param>
    /// <returns>Agreement per concept of the changed term.</returns>
    public static AgreementResult MeasureReplace(IPermuter permuter, IEnumerable<SugarCrepeItem> records) =>
        Measure(permuter, records, "replace", (tally, record) =>
        {
            if (WordDiff.Of(record.Caption, record.NegativeCaption) is not { } diff || diff.Words is 0 or > MaxTermWords ||
                diff.OtherWords is 0 or > MaxTermWords)
            {
                return;
            }

            TermMatch? original = Covering(permuter, record.Caption, diff.Start, diff.End);
            TermMatch? replacement = Covering(permuter, record.NegativeCaption, diff.OtherStart, diff.OtherEnd);
            if ((original ?? replacement) is not { } classified)
            {
                tally.Unclassified++;
                return;
            }

            int concept = classified.Concept;
            tally.Classified[concept]++;
            if (original is not null)
            {
                tally.Recognised[concept]++;
                if (CanMake(permuter, record, 1UL << original.Value.Concept, NegativeKind.Replace))
                {
                    tally.Accepted[concept]++;
                }
            }
        });

    /// <summary>Measures how many swap records (SugarCrepe's swap_att) the swap kind can make.</summary>
    /// <param name="permuter">The rule pack's permuter.</param>
    /// <param name="records">The records.</param>
    /// <returns>The records made, per concept of the swap that made them.</returns>
    public static AgreementResult MeasureSwap(IPermuter permuter, IEnumerable<SugarCrepeItem> records) =>
        Measure(permuter, records, "swap", (tally, record) =>
        {
            string[] wanted = CaptionWords.Folded(record.NegativeCaption);
            HardNegative? made = permuter.Permute(record.Caption, AllNegatives, new NegativeSeed(0))
                .FirstOrDefault(n => n.Kind == NegativeKind.Swap && CaptionWords.Folded(n.Text).SequenceEqual(wanted));
            if (made is null)
            {
                tally.Unclassified++;
                return;
            }

            int concept = IndexOf(permuter, made.Concept);
            tally.Classified[concept]++;
            tally.Recognised[concept]++;
            tally.Accepted[concept]++;
        });

    // Counts every record, letting the measure tally what it makes of each.
    private static AgreementResult Measure(IPermuter permuter, IEnumerable<SugarCrepeItem> records, string kind, Action<Tally, SugarCrepeItem> measure)
    {
        ArgumentNullException.ThrowIfNull(permuter);
        ArgumentNullException.ThrowIfNull(records);
        var tally = new Tally(permuter.Concepts.Count);
        foreach (SugarCrepeItem record in records)
        {
            tally.Records++;
            measure(tally, record);
        }

        return tally.ToResult(permuter, kind);
    }

    // The match that covers [start, end) of the text, if the rules recognise a term there.
    private static TermMatch? Covering(IPermuter permuter, string text, int start, int end)
    {
        Span<TermMatch> matches = stackalloc TermMatch[64];
        int count = permuter.FindTerms(text, matches);
        foreach (TermMatch match in matches[..count])
        {
            if (match.Start <= start && match.Start + match.Length >= end && match.Start < Math.Max(end, start + 1))
            {
                return match;
            }
        }

        return null;
    }

    private static bool CanMake(IPermuter permuter, SugarCrepeItem record, ulong mask, NegativeKind kind)
    {
        string[] wanted = CaptionWords.Folded(record.NegativeCaption);
        return permuter.Permute(record.Caption, AllNegatives, new NegativeSeed(0), mask)
            .Any(n => n.Kind == kind && CaptionWords.Folded(n.Text).SequenceEqual(wanted));
    }

    private static int IndexOf(IPermuter permuter, string concept)
    {
        for (int i = 0; i < permuter.Concepts.Count; i++)
        {
            if (permuter.Concepts[i] == concept)
            {
                return i;
            }
        }

        return -1;
    }

    private sealed class Tally(int concepts)
    {
        public int Records { get; set; }

        public int Unclassified { get; set; }

        public int[] Classified { get; } = new int[concepts];

        public int[] Recognised { get; } = new int[concepts];

        public int[] Accepted { get; } = new int[concepts];

        public AgreementResult ToResult(IPermuter permuter, string kind) => new(kind, Records, Unclassified,
            permuter.Concepts.Select((name, i) => new ConceptAgreement(name, Classified[i], Recognised[i], Accepted[i])).ToList());
    }
}
