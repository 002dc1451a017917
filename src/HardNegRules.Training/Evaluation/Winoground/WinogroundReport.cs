namespace HardNegRules.Training.Evaluation.Winoground;

/// <summary>Winoground scores per concept, their unweighted mean, and the scores over all items.</summary>
/// <param name="Concepts">One entry per concept, in ordinal order of the concept names.</param>
/// <param name="MeanOverConcepts">Each score averaged over concepts, each concept weighing the same.</param>
/// <param name="Overall">Each score over all items, each item weighing the same.</param>
/// <param name="Count">The number of items.</param>
public sealed record WinogroundReport(
    IReadOnlyList<WinogroundConceptResult> Concepts, WinogroundScores MeanOverConcepts, WinogroundScores Overall, int Count);
