using HardNegRules.Data.Loaders;

namespace HardNegRules.Training.Datasets;

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
    private readonly IReadOnlyList<ImageCaptionPair> _pairs = pairs ?? throw new ArgumentNullException(nameof(pairs));
    private readonly PhotoDecoder _decoder = decoder ?? throw new ArgumentNullException(nameof(decoder));
    private readonly HashSet<int> _unreadable = [];
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public int Count => _pairs.Count;

    /// <summary>How many pairs' images could not be decoded so far.</summary>
    public int UnreadableCount
    {
        get
        {
            lock (_gate)
            {
                return _unreadable.Count;
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">No image of the data set can be decoded.</exception>
    public ImageTextSample GetSample(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _pairs.Count);
        for (int tried = 0; tried < _pairs.Count; tried++)
        {
            int candidate = (index + tried) % _pairs.Count;
            lock (_gate)
            {
                if (_unreadable.Contains(candidate))
                {
                    continue;
                }
            }
            ImageCaptionPair pair = _pairs[candidate];
            if (_decoder.TryDecode(pair.Image, $"image of pair {pair.Id}", out float[]? pixels))
            {
                return new ImageTextSample(pixels, pair.Caption, pair.Id);
            }
            lock (_gate)
            {
                _unreadable.Add(candidate);
            }
        }
        throw new InvalidOperationException($"None of the {_pairs.Count} images of the data set could be decoded; see the reported errors.");
    }
}
