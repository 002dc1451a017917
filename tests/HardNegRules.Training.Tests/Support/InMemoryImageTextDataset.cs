using HardNegRules.Training.Datasets;

namespace HardNegRules.Training.Tests.Support;

/// <summary>An <see cref="IImageTextDataset"/> over a list held in memory, for trainer tests.</summary>
/// <param name="samples">The pairs.</param>
internal sealed class InMemoryImageTextDataset(IReadOnlyList<ImageTextSample> samples) : IImageTextDataset
{
    private readonly IReadOnlyList<ImageTextSample> _samples = samples ?? throw new ArgumentNullException(nameof(samples));

    public int Count => _samples.Count;

    public ImageTextSample GetSample(int index) => _samples[index];
}
