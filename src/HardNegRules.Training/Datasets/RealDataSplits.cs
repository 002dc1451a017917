using HardNegRules.Data.Loaders;

namespace HardNegRules.Training.Datasets;

/// <summary>A real data set read for a run: training pairs, held-out pairs, and what was skipped reading them.</summary>
/// <param name="Train">The training pairs (after <c>data.max-samples</c>).</param>
/// <param name="HeldOut">The held-out pairs evaluation uses; their images are not in <paramref name="Train"/>.</param>
/// <param name="HeldOutFrom">How the held-out pairs were chosen ("the file's test split", "10% of the images, seed 1").</param>
/// <param name="Report">Records read and skipped (malformed lines, missing images), with file and line or record.</param>
/// <param name="Negatives">The hard negatives the data set brings (NegCLIP's neg_caption), by pair id; null when it
/// brings none.</param>
public sealed record RealDataSplits(
    IReadOnlyList<ImageCaptionPair> Train,
    IReadOnlyList<ImageCaptionPair> HeldOut,
    string HeldOutFrom,
    DataLoadReport Report,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Negatives = null);
