using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.Rendering;

namespace HardNegRules.Training.Datasets;

/// <summary>
/// One concept-world split as trainer input: a pair per caption, the image rendered on demand (rendering is a pure
/// function of the scene and faster than reading a cache, so nothing is kept).
/// </summary>
public sealed class ConceptWorldImageTextDataset : IImageTextDataset
{
    private readonly ConceptWorldSplit _split;
    private readonly int _imageSize;

    /// <summary>Wraps <paramref name="split"/>.</summary>
    /// <param name="split">The split; its samples are the pairs, in order.</param>
    /// <param name="imageSize">The image side the model expects; the world may have been generated at another size.</param>
    public ConceptWorldImageTextDataset(ConceptWorldSplit split, int imageSize)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageSize, 16);
        _split = split;
        _imageSize = imageSize;
    }

    /// <inheritdoc />
    public int Count => _split.Samples.Count;

    /// <inheritdoc />
    public ImageTextSample GetSample(int index)
    {
        ConceptWorldSample sample = _split.Samples[index];
        var pixels = new float[3 * _imageSize * _imageSize];
        SceneRenderer.RenderNormalizedChw(sample.Scene, _imageSize, pixels);
        return new ImageTextSample(pixels, sample.CaptionText, sample.CaptionId);
    }
}
