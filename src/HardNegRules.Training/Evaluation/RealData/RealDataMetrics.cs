namespace HardNegRules.Training.Evaluation.RealData;

/// <summary>What <see cref="RealDataEvaluation"/> measures on a real data set's held-out pairs (the JSON of
/// <c>hardneg eval</c> for a coco or fashion200k preset).</summary>
/// <param name="Source">The data source (coco, fashion200k).</param>
/// <param name="HeldOut">How the held-out pairs were chosen.</param>
/// <param name="Images">Held-out images evaluated.</param>
/// <param name="Captions">Their captions.</param>
/// <param name="SkippedImages">Held-out images that could not be decoded (reported), left out with their captions.</param>
/// <param name="Retrieval">Retrieval recall both ways.</param>
/// <param name="TextRanking">The true caption against the rule pack's replace negatives, per concept.</param>
public sealed record RealDataMetrics(
    string Source,
    string HeldOut,
    int Images,
    int Captions,
    int SkippedImages,
    RetrievalRecall Retrieval,
    ConceptRankingScores TextRanking);
