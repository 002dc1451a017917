namespace HardNegRules.Quality;

/// <summary>
/// A replacement must be in the form of the term it replaces: plural for plural, comparative for comparative. Spellings
/// that are two forms at once ("sheep") pass when any form is shared.
/// </summary>
internal sealed class FormCheck : ConceptCheck
{
    public override DefectKind Kind => DefectKind.FormChanged;

    protected override IEnumerable<string> Find(NegativeUnderCheck negative, VocabularyConcept concept)
    {
        foreach (TermEdit edit in negative.Alignment.Edits)
        {
            string from = RuleVocabulary.Fold(edit.From);
            string to = RuleVocabulary.Fold(edit.To);
            if (concept.Find(from) is not { } fromTerm || concept.Find(to) is not { } toTerm)
            {
                continue;
            }

            string[] fromForms = Forms(fromTerm, from);
            string[] toForms = Forms(toTerm, to);
            if (!fromForms.Intersect(toForms).Any())
            {
                yield return $"'{edit.From}' ({string.Join("/", fromForms)}) -> '{edit.To}' ({string.Join("/", toForms)})";
            }
        }
    }

    private static string[] Forms(VocabularyTerm term, string spelling)
    {
        var forms = new List<string>();
        if (term.Base.Contains(spelling))
        {
            forms.Add("base");
        }

        if (term.Plural.Contains(spelling))
        {
            forms.Add("plural");
        }

        if (term.Comparative.Contains(spelling))
        {
            forms.Add("comparative");
        }

        if (term.Superlative.Contains(spelling))
        {
            forms.Add("superlative");
        }

        return forms.ToArray();
    }
}
