namespace HardNegRules.Training.Evaluation;

/// <summary>Accuracy per concept, their unweighted mean, and the accuracy over all items.</summary>
/// <param name="Concepts">One entry per concept, in ordinal order of the concept names.</param>
/// <param name="MeanOverConcepts">The mean of the per-concept accuracies: each concept weighs the same, however many items it has.</param>
/// <param name="Overall">Correct items over all items: each item weighs the same.</param>
/// <param name="Count">The number of items.</param>
public sealed record ConceptAccuracyReport(
    IReadOnlyList<ConceptAccuracy> Concepts, double MeanOverConcepts, double Overall, int Count);
