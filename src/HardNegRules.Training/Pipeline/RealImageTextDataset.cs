using HardNegRules.Data.Loaders;
using HardNegRules.Training.Datasets;

namespace HardNegRules.Training.Pipeline;

/// <summary>
/// Image-caption pairs from files as trainer input: only the captions and image paths are held; each image is decoded
/// and preprocessed (<see cref="PhotoDecoder"/>) when its sample is asked for, on the trainer's batch worker, so memory
/// does not grow with the data set. An image that cannot be decoded is reported once and its pair is replaced by the
/// next readable one, so a few broken files never stop a run.
/// </summary>
/// <param name="pairs">The pairs, in order.</param>
/// <param name="decoder">Decodes the images at the model's size and reports those it cannot.</param>
public sealed class RealImageTextDataset(IReadOnlyList<ImageCaptionPair> pairs, PhotoDecoder decoder) : IImageTextDataset
{
    private readonly IReadOnlyList<ImageCaptionPair> pairs = pairs ?? throw new ArgumentNullException(nameof(pairs));
    private readonly PhotoDecoder decoder = decoder ?? throw new ArgumentNullException(nameof(decoder));
    private readonly HashSet<int> unreadable = [];
    private readonly Lock gate = new();

    /// <inheritdoc />
    public int Count => pairs.Count;

    /// <summary>How many pairs' images could not be decoded so far.</summary>
    public int UnreadableCount
    {
        get
        {
            lock (gate)
            {
                return unreadable.Count;
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">No image of the data set can be decoded.</exception>
    public ImageTextSample GetSample(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, pairs.Count);
        for (int tried = 0; tried < pairs.Count; tried++)
        {
            int candidate = (index + tried) % pairs.Count;
            lock (gate)
            {
                if (unreadable.Contains(candidate))
                {
                    continue;
                }
            }
            ImageCaptionPair pair = pairs[candidate];
            if (decoder.TryDecode(pair.Image, $"image of pair {pair.Id}", out float[]? pixels))
            {
                return new ImageTextSample(pixels, pair.Caption, pair.Id);
            }
            lock (gate)
            {
                unreadable.Add(candidate);
            }
        }
        throw new InvalidOperationException($"None of the {pairs.Count} images of the data set could be decoded; see the reported errors.");
    }
}
