using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.Rendering;
using HardNegRules.Data.ConceptWorld.Scenes;
using HardNegRules.Data.ConceptWorld.Twins;

namespace HardNegRules.Training.Datasets;

/// <summary>
/// One concept-world split with each pair's binding twin as its partner: the scene with two named objects' color,
/// shape, size or position swapped, and the caption rendered for that scene (true of the twin, false of the original).
/// Trained with <see cref="IPairedImageTextDataset"/>, each batch holds scenes and their twins, so the in-batch loss
/// itself contrasts hard negative images and hard negative captions. A caption that allows no swap that changes its
/// truth (two objects of one color) gets another scene of the split as partner.
/// </summary>
public sealed class ConceptWorldTwinDataset : IPairedImageTextDataset
{
    private readonly ConceptWorldSplit _split;
    private readonly int _imageSize;
    private readonly ConceptWorldImageTextDataset _samples;

    /// <summary>Wraps <paramref name="split"/>.</summary>
    /// <param name="split">The split; its samples are the pairs, in order.</param>
    /// <param name="imageSize">The image side the model expects.</param>
    public ConceptWorldTwinDataset(ConceptWorldSplit split, int imageSize)
    {
        ArgumentNullException.ThrowIfNull(split);
        _split = split;
        _imageSize = imageSize;
        _samples = new ConceptWorldImageTextDataset(split, imageSize);
    }

    /// <inheritdoc />
    public int Count => _samples.Count;

    /// <inheritdoc />
    public ImageTextSample GetSample(int index) => _samples.GetSample(index);

    /// <inheritdoc />
    public ImageTextSample Partner(int index)
    {
        ConceptWorldSample sample = _split.Samples[index];
        IReadOnlyList<TextNegative> swaps = TextNegativeMaker.BindingNegatives(sample.Scene, sample.Caption);
        if (swaps.Count == 0)
        {
            // Another scene, fixed by the index, so that the batch still holds two distinct pairs.
            return _samples.GetSample((int)((((long)index * 7919) + 1) % Count));
        }
        // Which swap is fixed by the index: a run's batches are a function of its seed and step alone.
        TextNegative swap = swaps[(int)((uint)(index * 2654435761L) % (uint)swaps.Count)];
        Scene twin = SceneEdits.Swap(sample.Scene, swap.FirstObject, swap.SecondObject, swap.Concept);
        var pixels = new float[3 * _imageSize * _imageSize];
        SceneRenderer.RenderNormalizedChw(twin, _imageSize, pixels);
        return new ImageTextSample(pixels, swap.Text, $"{sample.CaptionId}/twin");
    }
}
