namespace HardNegRules.Training.Evaluation;

/// <summary>One caption and two images that differ in one concept (as in InpaintCOCO), as scored by a model.</summary>
/// <param name="Concept">The concept that differs between the images (color, size, object, ...).</param>
/// <param name="RightImageScore">The caption's score with the image it describes.</param>
/// <param name="WrongImageScore">The caption's score with the changed image.</param>
public sealed record ImagePairItem(string Concept, float RightImageScore, float WrongImageScore);
