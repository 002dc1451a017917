namespace HardNegRules.Training.Datasets;

/// <summary>
/// A data set whose samples each have a partner to train beside them in the same batch (a scene and its binding twin):
/// the trainer then fills the first half of each batch with samples and the second half with their partners.
/// </summary>
public interface IPairedImageTextDataset : IImageTextDataset
{
    /// <summary>The partner of sample <paramref name="index"/> (its image and its caption).</summary>
    /// <param name="index">0 to Count - 1.</param>
    /// <returns>The partner sample; its id differs from the sample's.</returns>
    ImageTextSample Partner(int index);
}
