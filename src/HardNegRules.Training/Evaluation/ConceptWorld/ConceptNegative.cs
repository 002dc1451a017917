namespace HardNegRules.Training.Evaluation.ConceptWorld;

/// <summary>A text negative of a test caption and the concept it changes (a report name: color, shape, size, location).</summary>
/// <param name="Text">The negative caption, false of the caption's scene.</param>
/// <param name="Concept">The changed concept.</param>
public sealed record ConceptNegative(string Text, string Concept);
