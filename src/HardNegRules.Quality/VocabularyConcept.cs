namespace HardNegRules.Quality;

/// <summary>
/// A concept as its rule file states it, read for checking negatives: terms, the groups whose members must never replace
/// each other (synonyms, never-swap), opposites and blocked phrases. Spellings are folded to lower case with single spaces.
/// </summary>
public sealed class VocabularyConcept
{
    private readonly Dictionary<string, VocabularyTerm> _bySpelling;

    /// <summary>Creates a concept.</summary>
    /// <param name="name">The concept's name.</param>
    /// <param name="policy">Its policy as written: "any", "same-category" or "opposite".</param>
    /// <param name="terms">Its terms.</param>
    /// <param name="synonyms">Groups of terms (canonical names) that mean the same.</param>
    /// <param name="neverSwap">Groups of terms (canonical names) that must not replace each other (hypernyms and hyponyms).</param>
    /// <param name="opposites">Pairs of opposite terms (canonical names).</param>
    /// <param name="blocked">Blocked phrases, each as its folded words.</param>
    public VocabularyConcept(string name, string policy, IReadOnlyList<VocabularyTerm> terms, IReadOnlyList<IReadOnlySet<string>> synonyms,
        IReadOnlyList<IReadOnlySet<string>> neverSwap, IReadOnlyList<(string First, string Second)> opposites, IReadOnlyList<string[]> blocked)
    {
        ArgumentNullException.ThrowIfNull(terms);
        Name = name;
        Policy = policy;
        Terms = terms;
        Synonyms = synonyms;
        NeverSwap = neverSwap;
        Opposites = opposites;
        Blocked = blocked;
        _bySpelling = new Dictionary<string, VocabularyTerm>(StringComparer.Ordinal);
        foreach (VocabularyTerm term in terms)
        {
            foreach (string spelling in term.Spellings)
            {
                _bySpelling.TryAdd(spelling, term);
            }
        }
    }

    /// <summary>The concept's name.</summary>
    public string Name { get; }

    /// <summary>Its policy as written in the file.</summary>
    public string Policy { get; }

    /// <summary>Its terms.</summary>
    public IReadOnlyList<VocabularyTerm> Terms { get; }

    /// <summary>Synonym groups, by canonical name.</summary>
    public IReadOnlyList<IReadOnlySet<string>> Synonyms { get; }

    /// <summary>Never-swap groups, by canonical name.</summary>
    public IReadOnlyList<IReadOnlySet<string>> NeverSwap { get; }

    /// <summary>Opposite pairs, by canonical name.</summary>
    public IReadOnlyList<(string First, string Second)> Opposites { get; }

    /// <summary>Blocked phrases as folded words.</summary>
    public IReadOnlyList<string[]> Blocked { get; }

    /// <summary>The term with spelling <paramref name="text"/> (any case, any spacing), or null.</summary>
    /// <param name="text">A spelling as it appears in a caption or negative.</param>
    /// <returns>The term, or null.</returns>
    public VocabularyTerm? Find(string text) => _bySpelling.GetValueOrDefault(RuleVocabulary.Fold(text));

    /// <summary>Whether the two terms are in one synonym group.</summary>
    /// <param name="a">A canonical name.</param>
    /// <param name="b">Another canonical name.</param>
    /// <returns>True when some synonym group holds both.</returns>
    public bool AreSynonyms(string a, string b) => Synonyms.Any(g => g.Contains(a) && g.Contains(b));

    /// <summary>Whether the two terms are in one never-swap group.</summary>
    /// <param name="a">A canonical name.</param>
    /// <param name="b">Another canonical name.</param>
    /// <returns>True when some never-swap group holds both.</returns>
    public bool AreNeverSwapped(string a, string b) => NeverSwap.Any(g => g.Contains(a) && g.Contains(b));

    /// <summary>
    /// Whether <paramref name="b"/> is an opposite of <paramref name="a"/>, where an opposite of a term is an opposite of
    /// its synonyms too (big/small makes large/little opposites).
    /// </summary>
    /// <param name="a">A canonical name.</param>
    /// <param name="b">Another canonical name.</param>
    /// <returns>True when they are opposites.</returns>
    public bool AreOpposites(string a, string b) =>
        Opposites.Any(p => (Like(a, p.First) && Like(b, p.Second)) || (Like(a, p.Second) && Like(b, p.First)));

    private bool Like(string a, string b) => a == b || AreSynonyms(a, b);
}
