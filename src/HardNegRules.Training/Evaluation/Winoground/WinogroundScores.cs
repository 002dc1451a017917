namespace HardNegRules.Training.Evaluation.Winoground;

/// <summary>Winoground's three scores, each a fraction in [0, 1].</summary>
/// <param name="Text">The share of items where each image prefers its own caption.</param>
/// <param name="Image">The share of items where each caption prefers its own image.</param>
/// <param name="Group">The share of items that pass both.</param>
public sealed record WinogroundScores(
    double Text,
    double Image,
    double Group);
