namespace HardNegRules.Training.Evaluation;

/// <summary>One image with its true caption and that caption's hard negatives, as scored by a model.</summary>
/// <param name="Concept">The concept the negatives change (color, size, location, object, ...).</param>
/// <param name="TrueCaptionScore">The score of the true caption with the image.</param>
/// <param name="HardNegativeScores">The score of each hard negative with the same image; at least one.</param>
public sealed record TextRankingItem(string Concept, float TrueCaptionScore, IReadOnlyList<float> HardNegativeScores);
