namespace HardNegRules.Training.Evaluation;

/// <summary>How often a model chose right on the items of one concept.</summary>
/// <param name="Concept">The concept (color, size, location, object, ...).</param>
/// <param name="Count">The number of items.</param>
/// <param name="Correct">The number chosen right.</param>
/// <param name="Accuracy"><paramref name="Correct"/> / <paramref name="Count"/>, in [0, 1].</param>
public sealed record ConceptAccuracy(string Concept, int Count, int Correct, double Accuracy);
