namespace HardNegRules.Training.Evaluation.Winoground;

/// <summary>Winoground scores over the items of one concept.</summary>
/// <param name="Concept">The concept.</param>
/// <param name="Count">The number of items.</param>
/// <param name="Scores">The text, image and group scores.</param>
public sealed record WinogroundConceptResult(string Concept, int Count, WinogroundScores Scores);
