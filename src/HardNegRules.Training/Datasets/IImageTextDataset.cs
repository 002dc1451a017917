namespace HardNegRules.Training.Datasets;

/// <summary>Random-access image-caption pairs. The trainer may read several samples at once from different threads
/// (<see cref="Training.TrainerOptions.DecodeWorkers"/>), so <see cref="GetSample"/> must be safe to call concurrently.</summary>
public interface IImageTextDataset
{
    /// <summary>Number of pairs.</summary>
    int Count { get; }

    /// <summary>Returns pair <paramref name="index"/> (0 &lt;= index &lt; <see cref="Count"/>), decoded and preprocessed.</summary>
    /// <param name="index">The pair's position.</param>
    ImageTextSample GetSample(int index);
}
