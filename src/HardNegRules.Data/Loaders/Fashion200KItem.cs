namespace HardNegRules.Data.Loaders;

/// <summary>One Fashion200K product image with its description.</summary>
/// <param name="Pair">The description as caption, the image, and the split ("train" or "test"); the id is the image's relative path.</param>
/// <param name="Category">The label file's category: dress, jacket, pants, skirt or top.</param>
/// <param name="DetectionScore">The detector's score for the garment in the image.</param>
public sealed record Fashion200KItem(ImageCaptionPair Pair, string Category, double DetectionScore);
