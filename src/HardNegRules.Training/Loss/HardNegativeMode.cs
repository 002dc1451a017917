namespace HardNegRules.Training.Loss;

/// <summary>How hard-negative captions enter the image-to-text side of the contrastive loss.</summary>
public enum HardNegativeMode
{
    /// <summary>
    /// NegCLIP: each image's own hard negatives become extra columns of its row (B positives + its k negatives);
    /// other images' hard negatives are masked out of that row.
    /// </summary>
    Append,

    /// <summary>
    /// Each image's k hard negatives take the place of k randomly chosen in-batch negatives of its row, so every row keeps
    /// exactly B-1 negatives and the softmax has the same size as in plain CLIP.
    /// </summary>
    Replace,
}
