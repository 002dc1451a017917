namespace HardNegRules.Training.Evaluation.SugarCrepe;

/// <summary>A model's scores of one SugarCrepe item: both captions against the item's image.</summary>
/// <param name="Category">The item's category.</param>
/// <param name="CaptionScore">The true caption's score with the image.</param>
/// <param name="NegativeScore">The negative caption's score with the image.</param>
public sealed record SugarCrepeScore(string Category, float CaptionScore, float NegativeScore);
