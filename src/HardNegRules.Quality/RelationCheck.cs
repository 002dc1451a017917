namespace HardNegRules.Quality;

/// <summary>
/// The replaced and replacing terms, read from the rule files: both must be terms of the concept, not synonyms and not in a
/// never-swap group (then the negative may still be true), and allowed by the concept's policy.
/// </summary>
internal sealed class RelationCheck : INegativeCheck
{
    private readonly DefectKind _kind;

    private RelationCheck(DefectKind kind) => _kind = kind;

    /// <summary>Finds synonym and hypernym replacements.</summary>
    public static RelationCheck Synonyms { get; } = new(DefectKind.SynonymOrHypernym);

    /// <summary>Finds replacements the policy does not allow.</summary>
    public static RelationCheck Policy { get; } = new(DefectKind.PolicyViolation);

    public DefectKind Kind => _kind;

    public IEnumerable<string> Find(NegativeUnderCheck negative)
    {
        VocabularyConcept? concept = negative.Concept;
        foreach (TermEdit edit in negative.Alignment.Edits)
        {
            VocabularyTerm? from = concept?.Find(edit.From);
            VocabularyTerm? to = concept?.Find(edit.To);
            if (concept is null || from is null || to is null)
            {
                if (_kind == DefectKind.PolicyViolation)
                {
                    yield return $"'{edit.From}' -> '{edit.To}': not both terms of concept '{negative.Negative.Concept}'";
                }

                continue;
            }

            string? problem = _kind == DefectKind.SynonymOrHypernym ? Related(concept, from, to) : Disallowed(concept, from, to);
            if (problem is not null)
            {
                yield return $"'{edit.From}' -> '{edit.To}': {problem}";
            }
        }
    }

    private static string? Related(VocabularyConcept concept, VocabularyTerm from, VocabularyTerm to) =>
        concept.AreSynonyms(from.Name, to.Name) ? "synonyms" : concept.AreNeverSwapped(from.Name, to.Name) ? "never-swap group" : null;

    private static string? Disallowed(VocabularyConcept concept, VocabularyTerm from, VocabularyTerm to)
    {
        if (from.Name == to.Name)
        {
            return "the same term";
        }

        return concept.Policy switch
        {
            "opposite" when !concept.AreOpposites(from.Name, to.Name) => "not opposites",
            "same-category" when from.Category != to.Category => $"categories {from.Category} and {to.Category}",
            _ => null,
        };
    }
}
