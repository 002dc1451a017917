using HardNegRules.Data.Loaders;
using HardNegRules.Training.Datasets;
using HardNegRules.Training.Model;
using HardNegRules.Training.Tokenization;

namespace HardNegRules.Training.Evaluation.SugarCrepe;

/// <summary>
/// Runs SugarCrepe with a model: each distinct image is decoded once (CLIP preprocessing at the model's size) and
/// embedded, both captions of every item whose image was read are embedded, and each item is scored. Items whose
/// image is missing or cannot be decoded are counted as skipped, and the image is reported.
/// </summary>
public static class SugarCrepeEvaluation
{
    /// <summary>Scores the items.</summary>
    /// <param name="model">The model.</param>
    /// <param name="tokenizer">CLIP's tokenizer.</param>
    /// <param name="items">The items (see <see cref="SugarCrepeFiles.Read"/>).</param>
    /// <param name="imageFolder">The folder of COCO val2017 images the items name.</param>
    /// <param name="report">Where missing and unreadable images are reported.</param>
    /// <param name="batchSize">Rows per forward pass (and images decoded at a time).</param>
    /// <returns>The accuracy per category and overall.</returns>
    public static SugarCrepeReport Evaluate(ClipModel model, ClipTokenizer tokenizer, IReadOnlyList<SugarCrepeItem> items,
        string imageFolder, DataLoadReport report, int batchSize = 64)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(imageFolder);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        // A file name that leaves the image folder is reported and its items counted as skipped, like a missing image.
        var root = new DataRoot(imageFolder);
        var resolved = new List<(string Name, string Path)>();
        foreach (string name in items.Select(i => i.FileName).Distinct(StringComparer.Ordinal))
        {
            if (root.Resolve(name, out string? problem) is { } path)
            {
                resolved.Add((name, path));
            }
            else
            {
                report.Add(DataLoadError.InFile(imageFolder, $"SugarCrepe image: {problem}"));
            }
        }

        string[] files = [.. resolved.Select(r => r.Name)];
        var embedder = new ClipEmbedder(model, tokenizer, batchSize);
        float[]?[] rows = PhotoEmbeddings.Embed(embedder, new PhotoDecoder(model.Options.Vision.ImageSize, report),
            [.. resolved.Select(r => (ImageReference.FromFile(r.Path), "SugarCrepe image"))], batchSize);
        var images = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (int i = 0; i < files.Length; i++)
        {
            if (rows[i] is { } row)
            {
                images[files[i]] = row;
            }
        }

        SugarCrepeItem[] scored = [.. items.Where(i => images.ContainsKey(i.FileName))];
        var texts = new TextEmbeddings(embedder);
        texts.Want(scored.SelectMany(i => new[] { i.Caption, i.NegativeCaption }));
        texts.Embed();
        IEnumerable<SugarCrepeScore> scores = scored.Select(i => new SugarCrepeScore(i.Category,
            ClipEmbedder.Score(texts[i.Caption], images[i.FileName]),
            ClipEmbedder.Score(texts[i.NegativeCaption], images[i.FileName])));
        Dictionary<string, int> skipped = items.Where(i => !images.ContainsKey(i.FileName))
            .GroupBy(i => i.Category, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return SugarCrepeAccuracy.Evaluate(scores, skipped);
    }
}
