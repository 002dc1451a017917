using System.Text.Json.Serialization;
using HardNegRules.Training.Evaluation;

namespace HardNegRules.Training.Pipeline;

/// <summary>Recall at 1, 5 and 10 (0 to 1) of image-to-text and text-to-image retrieval over held-out pairs.</summary>
/// <param name="ImageToTextR1">Share of images with one of their captions ranked first.</param>
/// <param name="ImageToTextR5">Share of images with one of their captions in the top 5.</param>
/// <param name="ImageToTextR10">Share of images with one of their captions in the top 10.</param>
/// <param name="TextToImageR1">Share of captions whose image ranks first.</param>
/// <param name="TextToImageR5">Share of captions with their image in the top 5.</param>
/// <param name="TextToImageR10">Share of captions with their image in the top 10.</param>
public sealed record RetrievalRecall(
    [property: JsonPropertyName("i2t_r1")] double ImageToTextR1,
    [property: JsonPropertyName("i2t_r5")] double ImageToTextR5,
    [property: JsonPropertyName("i2t_r10")] double ImageToTextR10,
    [property: JsonPropertyName("t2i_r1")] double TextToImageR1,
    [property: JsonPropertyName("t2i_r5")] double TextToImageR5,
    [property: JsonPropertyName("t2i_r10")] double TextToImageR10)
{
    /// <summary>The recall of a <see cref="RetrievalResult"/>.</summary>
    /// <param name="result">Recall in both directions.</param>
    /// <returns>The scores.</returns>
    public static RetrievalRecall From(RetrievalResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new RetrievalRecall(result.ImageToText.R1, result.ImageToText.R5, result.ImageToText.R10,
            result.TextToImage.R1, result.TextToImage.R5, result.TextToImage.R10);
    }
}
