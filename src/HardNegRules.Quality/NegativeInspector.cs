namespace HardNegRules.Quality;

/// <summary>Runs every automated check (see <see cref="DefectKind"/>) on single negatives, against a rule vocabulary.</summary>
public sealed class NegativeInspector
{
    private static readonly INegativeCheck[] Checks =
    {
        new BrokenWordCheck(), new UnintendedChangeCheck(), new ArticleCheck(), new NumberCheck(), new FormCheck(),
        RelationCheck.Synonyms, RelationCheck.Policy, new BlockedPhraseCheck(),
    };

    private readonly RuleVocabulary _vocabulary;

    /// <summary>Creates an inspector that judges negatives by the rule files read into <paramref name="vocabulary"/>.</summary>
    /// <param name="vocabulary">The rules' vocabulary, read from their YAML.</param>
    public NegativeInspector(RuleVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _vocabulary = vocabulary;
    }

    /// <summary>The defects of one negative; empty when it passes every check.</summary>
    /// <param name="captionId">The caption's id, carried into the defects.</param>
    /// <param name="caption">The caption the negative was made from.</param>
    /// <param name="negative">The negative.</param>
    /// <returns>The defects found.</returns>
    public IReadOnlyList<QualityDefect> Inspect(string captionId, string caption, HardNegative negative)
    {
        ArgumentNullException.ThrowIfNull(caption);
        ArgumentNullException.ThrowIfNull(negative);
        var under = new NegativeUnderCheck(caption, negative, _vocabulary);
        var defects = new List<QualityDefect>();
        foreach (INegativeCheck check in Checks)
        {
            foreach (string detail in check.Find(under))
            {
                defects.Add(new QualityDefect(check.Kind, captionId, caption, negative.Text, detail));
            }
        }

        return defects;
    }
}
