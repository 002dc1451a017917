namespace HardNegRules.Quality;

/// <summary>
/// A check that judges a negative against its concept's vocabulary: negatives of a concept no rule file defines have
/// nothing to be judged against and pass.
/// </summary>
internal abstract class ConceptCheck : INegativeCheck
{
    public abstract DefectKind Kind { get; }

    public IEnumerable<string> Find(NegativeUnderCheck negative) =>
        negative.Concept is { } concept ? Find(negative, concept) : [];

    /// <summary>A description of each defect of <paramref name="negative"/>, whose concept is <paramref name="concept"/>.</summary>
    protected abstract IEnumerable<string> Find(NegativeUnderCheck negative, VocabularyConcept concept);
}
