using HardNegRules.Data.Loaders;
using HardNegRules.Training.Datasets;

namespace HardNegRules.Training.Evaluation;

/// <summary>
/// Embeds photos from files a chunk at a time: a chunk is decoded (in parallel; decoding is the slow part for a small
/// model) and embedded, then its pixels are dropped, so memory holds one chunk of pixels and the embeddings.
/// </summary>
internal static class PhotoEmbeddings
{
    /// <summary>The unit embedding of each image, or null for an image that could not be decoded (it is reported).</summary>
    /// <param name="embedder">The model's embedder.</param>
    /// <param name="decoder">The decoder at the model's image size.</param>
    /// <param name="images">The images and what uses each (for the report).</param>
    /// <param name="chunk">Images decoded at a time.</param>
    /// <returns>One row (or null) per image, in order.</returns>
    public static float[]?[] Embed(ClipEmbedder embedder, PhotoDecoder decoder, IReadOnlyList<(ImageReference Image, string UsedBy)> images, int chunk)
    {
        var rows = new float[]?[images.Count];
        for (int start = 0; start < images.Count; start += chunk)
        {
            int count = Math.Min(chunk, images.Count - start);
            var pixels = new float[]?[count];
            Parallel.For(0, count, i => decoder.TryDecode(images[start + i].Image, images[start + i].UsedBy, out pixels[i]));
            int[] readable = [.. Enumerable.Range(0, count).Where(i => pixels[i] is not null)];
            float[][] embedded = embedder.EmbedImages([.. readable.Select(i => pixels[i]!)]);
            for (int r = 0; r < readable.Length; r++)
            {
                rows[start + readable[r]] = embedded[r];
            }
        }
        return rows;
    }
}
