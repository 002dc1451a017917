namespace HardNegRules.Data.Images;

/// <summary>The per-channel mean and standard deviation CLIP normalises its 0-1 RGB input with (OpenAI's values).</summary>
public static class ClipNormalization
{
    /// <summary>Mean of R, G, B.</summary>
    public static IReadOnlyList<float> Mean { get; } = [0.48145466f, 0.4578275f, 0.40821073f];

    /// <summary>Standard deviation of R, G, B.</summary>
    public static IReadOnlyList<float> StandardDeviation { get; } = [0.26862954f, 0.26130258f, 0.27577711f];
}
