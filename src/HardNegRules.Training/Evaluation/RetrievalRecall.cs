using System.Text.Json.Serialization;

namespace HardNegRules.Training.Evaluation;

/// <summary>
/// Recall at 1, 5 and 10 (0 to 1) of image-to-text and text-to-image retrieval (see <see cref="RetrievalMetrics"/>):
/// the <c>retrieval</c> object of every report, with its key names.
/// </summary>
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
    /// <summary>The six recalls by their report key, in report order.</summary>
    /// <returns>(key, recall) pairs.</returns>
    public IReadOnlyList<(string Key, double Recall)> ByKey() =>
    [
        ("i2t_r1", ImageToTextR1), ("i2t_r5", ImageToTextR5), ("i2t_r10", ImageToTextR10),
        ("t2i_r1", TextToImageR1), ("t2i_r5", TextToImageR5), ("t2i_r10", TextToImageR10),
    ];
}
