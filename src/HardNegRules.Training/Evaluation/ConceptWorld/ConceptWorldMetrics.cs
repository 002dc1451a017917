namespace HardNegRules.Training.Evaluation.ConceptWorld;

/// <summary>What <see cref="ConceptWorldEvaluation"/> measures on the test split; the <c>metrics</c> object of
/// <c>report.json</c>, with its key names.</summary>
/// <param name="ImagePair">Replace twins: the caption scores higher with the original than with the twin.</param>
/// <param name="ImagePairBinding">Binding twins (two objects swap a value): the same test; a bag of words cannot pass it.</param>
/// <param name="TextRanking">The true caption outscores each of its rule-made replace negatives of the concept.</param>
/// <param name="TextRankingBinding">The true caption outscores each of its binding (swap) negatives of the concept.</param>
/// <param name="Retrieval">Image-text retrieval recall.</param>
public sealed record ConceptWorldMetrics(
    ConceptScores ImagePair,
    ConceptScores ImagePairBinding,
    ConceptScores TextRanking,
    ConceptScores TextRankingBinding,
    RetrievalRecall Retrieval)
{
    /// <summary>The four concept tests by their report key, in report order.</summary>
    /// <returns>(key, scores) pairs.</returns>
    public IReadOnlyList<(string Key, ConceptScores Scores)> ConceptTests() =>
    [
        ("image_pair", ImagePair),
        ("image_pair_binding", ImagePairBinding),
        ("text_ranking", TextRanking),
        ("text_ranking_binding", TextRankingBinding),
    ];
}
