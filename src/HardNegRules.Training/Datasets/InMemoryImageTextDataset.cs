namespace HardNegRules.Training.Datasets;

/// <summary>An <see cref="IImageTextDataset"/> over a list held in memory (synthetic data, tests, benchmarks).</summary>
/// <param name="samples">The pairs.</param>
public sealed class InMemoryImageTextDataset(IReadOnlyList<ImageTextSample> samples) : IImageTextDataset
{
    private readonly IReadOnlyList<ImageTextSample> _samples = samples ?? throw new ArgumentNullException(nameof(samples));

    /// <inheritdoc />
    public int Count => _samples.Count;

    /// <inheritdoc />
    public ImageTextSample GetSample(int index) => _samples[index];
}
