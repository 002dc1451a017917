using HardNegRules.Data.ConceptWorld;
using HardNegRules.Training.Datasets;

namespace HardNegRules.Training.Pipeline;

/// <summary>
/// One concept-world split as trainer input: a pair per caption, the image rendered on demand (rendering is a pure
/// function of the scene and faster than reading a cache, so nothing is kept).
/// </summary>
public sealed class ConceptWorldImageTextDataset : IImageTextDataset
{
    private readonly ConceptWorldSplit split;
    private readonly int imageSize;

    /// <summary>Wraps <paramref name="split"/>.</summary>
    /// <param name="split">The split; its samples are the pairs, in order.</param>
    /// <param name="imageSize">The image side the model expects; the world may have been generated at another size.</param>
    public ConceptWorldImageTextDataset(ConceptWorldSplit split, int imageSize)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageSize, 16);
        this.split = split;
        this.imageSize = imageSize;
    }

    /// <inheritdoc />
    public int Count => split.Samples.Count;

    /// <inheritdoc />
    public ImageTextSample GetSample(int index)
    {
        ConceptWorldSample sample = split.Samples[index];
        var pixels = new float[3 * imageSize * imageSize];
        SceneRenderer.RenderNormalizedChw(sample.Scene, imageSize, pixels);
        return new ImageTextSample(pixels, sample.CaptionText, sample.CaptionId);
    }
}
