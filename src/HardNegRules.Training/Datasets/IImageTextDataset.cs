namespace HardNegRules.Training.Datasets;

/// <summary>Random-access image-caption pairs. The trainer reads it from one worker thread at a time.</summary>
public interface IImageTextDataset
{
    /// <summary>Number of pairs.</summary>
    int Count { get; }

    /// <summary>Returns pair <paramref name="index"/> (0 &lt;= index &lt; <see cref="Count"/>), decoded and preprocessed.</summary>
    /// <param name="index">The pair's position.</param>
    ImageTextSample GetSample(int index);
}
