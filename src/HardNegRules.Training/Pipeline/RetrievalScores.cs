using System.Text.Json.Serialization;
using HardNegRules.Training.Evaluation;

namespace HardNegRules.Training.Pipeline;

/// <summary>Recall at 1 and 5 (0 to 1) of image-to-text and text-to-image retrieval over the test split.</summary>
/// <param name="ImageToTextR1">Share of images whose caption ranks first.</param>
/// <param name="ImageToTextR5">Share of images with a caption in the top 5.</param>
/// <param name="TextToImageR1">Share of captions whose image ranks first.</param>
/// <param name="TextToImageR5">Share of captions with their image in the top 5.</param>
public sealed record RetrievalScores(
    [property: JsonPropertyName("i2t_r1")] double ImageToTextR1,
    [property: JsonPropertyName("i2t_r5")] double ImageToTextR5,
    [property: JsonPropertyName("t2i_r1")] double TextToImageR1,
    [property: JsonPropertyName("t2i_r5")] double TextToImageR5)
{
    /// <summary>The scores of a <see cref="RetrievalResult"/>.</summary>
    /// <param name="result">Recall in both directions.</param>
    /// <returns>The scores.</returns>
    public static RetrievalScores From(RetrievalResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new RetrievalScores(result.ImageToText.R1, result.ImageToText.R5, result.TextToImage.R1, result.TextToImage.R5);
    }
}
