namespace HardNegRules.Data.Loaders;

/// <summary>One row of a NegCLIP training TSV: an image-caption pair and the caption's hard negatives.</summary>
/// <param name="Pair">The caption ("title"), the image ("filepath"); the id is the row's 0-based index.</param>
/// <param name="NegativeCaptions">The hard negative captions ("neg_caption"), in file order; may be empty.</param>
public sealed record NegClipRecord(ImageCaptionPair Pair, IReadOnlyList<string> NegativeCaptions);
