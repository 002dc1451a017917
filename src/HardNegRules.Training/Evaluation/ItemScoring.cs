using HardNegRules.Data.Loaders;
using HardNegRules.Training.Datasets;
using SixLabors.ImageSharp;

namespace HardNegRules.Training.Evaluation;

/// <summary>An image a test item shows the model.</summary>
/// <param name="Image">Where it is.</param>
/// <param name="UsedBy">What it is to the benchmark ("Winoground example 12, image 0"), for the report.</param>
/// <param name="Crop">The region to keep (ARO's Visual Genome boxes); null for the whole image.</param>
public sealed record EvaluationImage(ImageReference Image, string UsedBy, Rectangle? Crop = null);

/// <summary>One test item: its images and captions, every caption scored with every image.</summary>
/// <param name="Images">The images.</param>
/// <param name="Captions">The captions.</param>
public sealed record EvaluationItem(IReadOnlyList<EvaluationImage> Images, IReadOnlyList<string> Captions);

/// <summary>
/// Scores benchmark items with a model a chunk at a time: the chunk's images are decoded in parallel (an image file
/// shared by several items of the chunk once) and embedded, its captions embedded in full batches, and each item gets
/// its caption x image score matrix; then the chunk's pixels are dropped, so memory holds one chunk.
/// </summary>
public static class ItemScoring
{
    /// <summary>The score matrix of each item, or null for an item one of whose images could not be read (reported).</summary>
    /// <param name="embedder">The model's embedder.</param>
    /// <param name="decoder">Decodes images at the model's size and reports those it cannot.</param>
    /// <param name="items">The items.</param>
    /// <param name="chunkImages">About how many images are decoded at a time.</param>
    /// <returns>One matrix (or null) per item, in order.</returns>
    public static CaptionImageScores?[] Score(ClipEmbedder embedder, PhotoDecoder decoder, IReadOnlyList<EvaluationItem> items, int chunkImages = 64)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkImages, 1);
        var result = new CaptionImageScores?[items.Count];
        int start = 0;
        while (start < items.Count)
        {
            int end = start, images = 0;
            while (end < items.Count && (end == start || images + items[end].Images.Count <= chunkImages))
            {
                images += items[end++].Images.Count;
            }
            ScoreChunk(embedder, decoder, items, start, end, result);
            start = end;
        }
        return result;
    }

    private static void ScoreChunk(ClipEmbedder embedder, PhotoDecoder decoder, IReadOnlyList<EvaluationItem> items, int start, int end,
        CaptionImageScores?[] result)
    {
        var distinct = new List<EvaluationImage>();
        var slot = new Dictionary<string, int>(StringComparer.Ordinal);
        var slotOf = new Dictionary<EvaluationImage, int>(ReferenceEqualityComparer.Instance);
        for (int i = start; i < end; i++)
        {
            foreach (EvaluationImage image in items[i].Images)
            {
                // In-memory images (parquet) have no path to share; files with the same region are decoded once.
                string? key = image.Image.Path is { } path ? $"{path}|{image.Crop}" : null;
                if (key is not null && slot.TryGetValue(key, out int existing))
                {
                    slotOf[image] = existing;
                    continue;
                }
                slotOf[image] = distinct.Count;
                if (key is not null)
                {
                    slot[key] = distinct.Count;
                }
                distinct.Add(image);
            }
        }
        var pixels = new float[]?[distinct.Count];
        Parallel.For(0, distinct.Count, i => decoder.TryDecode(distinct[i].Image, distinct[i].UsedBy, distinct[i].Crop, out pixels[i]));
        int[] readable = [.. Enumerable.Range(0, distinct.Count).Where(i => pixels[i] is not null)];
        float[][] embedded = embedder.EmbedImages([.. readable.Select(i => pixels[i]!)]);
        var imageRows = new float[]?[distinct.Count];
        for (int r = 0; r < readable.Length; r++)
        {
            imageRows[readable[r]] = embedded[r];
        }
        var texts = new TextEmbeddings(embedder);
        for (int i = start; i < end; i++)
        {
            if (items[i].Images.All(image => imageRows[slotOf[image]] is not null))
            {
                texts.Want(items[i].Captions);
            }
        }
        texts.Embed();
        for (int i = start; i < end; i++)
        {
            EvaluationItem item = items[i];
            float[]?[] rows = [.. item.Images.Select(image => imageRows[slotOf[image]])];
            if (rows.Any(r => r is null))
            {
                continue;
            }
            result[i] = ClipEmbedder.ScoreAll([.. item.Captions.Select(c => texts[c])], [.. rows.Select(r => r!)]);
        }
    }
}
