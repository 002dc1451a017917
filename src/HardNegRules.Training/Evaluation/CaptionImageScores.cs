namespace HardNegRules.Training.Evaluation;

/// <summary>
/// Similarity scores between every caption and every image, row-major with one row per caption: the layout of
/// <c>textEmbeddings @ imageEmbeddings.T</c>. Higher means a better match.
/// </summary>
public sealed class CaptionImageScores
{
    private readonly float[] _values;

    /// <summary>Wraps <paramref name="values"/> (not copied) as a <paramref name="captionCount"/> x <paramref name="imageCount"/> matrix.</summary>
    /// <exception cref="ArgumentException">The array's length is not <c>captionCount * imageCount</c>.</exception>
    public CaptionImageScores(float[] values, int captionCount, int imageCount)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(captionCount);
        ArgumentOutOfRangeException.ThrowIfNegative(imageCount);
        if ((long)captionCount * imageCount != values.Length)
        {
            throw new ArgumentException(
                $"{captionCount} captions x {imageCount} images need {(long)captionCount * imageCount} scores; got {values.Length}.",
                nameof(values));
        }

        _values = values;
        CaptionCount = captionCount;
        ImageCount = imageCount;
    }

    /// <summary>The number of rows.</summary>
    public int CaptionCount { get; }

    /// <summary>The number of columns.</summary>
    public int ImageCount { get; }

    /// <summary>The score of caption <paramref name="caption"/> with image <paramref name="image"/>.</summary>
    public float this[int caption, int image]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(caption);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(caption, CaptionCount);
            ArgumentOutOfRangeException.ThrowIfNegative(image);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(image, ImageCount);
            return _values[(caption * ImageCount) + image];
        }
    }

    /// <summary>The scores of one caption with every image.</summary>
    public ReadOnlySpan<float> ScoresOfCaption(int caption)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(caption);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(caption, CaptionCount);
        return _values.AsSpan(caption * ImageCount, ImageCount);
    }
}
