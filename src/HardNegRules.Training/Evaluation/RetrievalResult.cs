namespace HardNegRules.Training.Evaluation;

/// <summary>Image-text retrieval recall in both directions.</summary>
/// <param name="ImageCount">The number of images, including any without a caption.</param>
/// <param name="CaptionCount">The number of captions.</param>
/// <param name="ImageToText">
/// Recall when each image with at least one caption ranks all captions; any of its own captions counts as a match.
/// </param>
/// <param name="TextToImage">Recall when each caption ranks all images; only its own image is a match.</param>
public sealed record RetrievalResult(int ImageCount, int CaptionCount, RecallAtK ImageToText, RecallAtK TextToImage);
