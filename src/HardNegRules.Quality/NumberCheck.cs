namespace HardNegRules.Quality;

/// <summary>
/// A number word or determiner before a replaced noun must agree with it: "a dogs", "two dog" and "a herd of cow" are
/// flagged, but only where the caption agreed with the noun it had (captions such as "two giraffe" are their writers'
/// slips, not the rules'). Agreement of the verb after a subject ("is" vs "are") is out of scope: replacements keep the
/// form of the noun they replace, so the number a verb sees does not change unless the form does, which
/// <see cref="FormCheck"/> reports.
/// </summary>
internal sealed class NumberCheck : ConceptCheck
{
    private const int MaxModifiers = 2;

    private static readonly HashSet<string> Singular = new(StringComparer.Ordinal)
    {
        "a", "an", "one", "another", "each", "every", "this", "that", "single", "lone",
    };

    private static readonly HashSet<string> Plural = new(StringComparer.Ordinal)
    {
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "several", "many",
        "few", "multiple", "numerous", "these", "those", "both", "various", "dozens",
    };

    // "<collective> of" counts its noun as plural: "a herd of cows", "a group of people".
    private static readonly HashSet<string> Collectives = new(StringComparer.Ordinal)
    {
        "group", "herd", "flock", "couple", "pair", "lots", "number", "variety", "row", "line", "pile", "stack", "collection",
        "team", "fleet", "pack", "crowd", "bunch", "set",
    };

    public override DefectKind Kind => DefectKind.NumberDisagreement;

    protected override IEnumerable<string> Find(NegativeUnderCheck negative, VocabularyConcept concept)
    {
        if (negative.Alignment.Problem is not null)
        {
            yield break;
        }

        for (int i = 0; i < negative.Alignment.Edits.Count; i++)
        {
            TermEdit edit = negative.Alignment.Edits[i];
            bool? toPlural = NumberOf(concept, edit.To);
            if (toPlural is not { } plural)
            {
                continue;
            }

            (int first, _) = negative.Alignment.ReplacedWords[i];
            (int captionFirst, _) = negative.Alignment.OriginalWords[i];
            if (first < 0 || captionFirst < 0 || Expected(negative.NegativeWords, first, negative, concept) is not { } expected || expected == plural)
            {
                continue;
            }

            bool? fromPlural = NumberOf(concept, edit.From);
            bool? captionExpected = Expected(negative.CaptionWords, captionFirst, negative, concept);
            if (fromPlural is null || captionExpected is null || captionExpected == fromPlural)
            {
                yield return $"'{Before(negative.NegativeWords, first)} {edit.To}': {(expected ? "plural" : "singular")} expected";
            }
        }
    }

    // True when the noun is plural only, false when singular only, null when its spelling is both ("sheep") or unknown.
    private static bool? NumberOf(VocabularyConcept concept, string text)
    {
        string folded = RuleVocabulary.Fold(text);
        if (concept.Find(folded) is not { } term)
        {
            return null;
        }

        return term.IsOnlyPlural(folded) ? true : term.IsOnlySingular(folded) ? false : null;
    }

    // The number the words before the noun at 'first' ask for, skipping a few modifiers of other concepts ("two red dogs").
    private static bool? Expected(IReadOnlyList<CaptionWord> words, int first, NegativeUnderCheck negative, VocabularyConcept concept)
    {
        int w = first - 1;
        for (int skipped = 0; w >= 0 && skipped < MaxModifiers && IsModifier(words[w].Folded, negative.Vocabulary, concept); skipped++)
        {
            w--;
        }

        if (w < 0)
        {
            return null;
        }

        string word = words[w].Folded;
        if (Singular.Contains(word))
        {
            return false;
        }

        if (Plural.Contains(word) || (word == "of" && w > 0 && Collectives.Contains(words[w - 1].Folded)))
        {
            return true;
        }

        return null;
    }

    private static bool IsModifier(string word, RuleVocabulary vocabulary, VocabularyConcept concept) =>
        vocabulary.Concepts.Any(c => c != concept && c.Find(word) is not null);

    private static string Before(IReadOnlyList<CaptionWord> words, int first) =>
        string.Join(' ', words.Take(first).TakeLast(Math.Min(first, MaxModifiers + 1)).Select(w => w.Text));
}
