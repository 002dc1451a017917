using HardNegRules.Data.Loaders;
using HardNegRules.Training.Datasets;
using HardNegRules.Training.Evaluation.Winoground;
using HardNegRules.Training.Model;
using HardNegRules.Training.Tokenization;

namespace HardNegRules.Training.Evaluation.InpaintCoco;

/// <summary>
/// Runs InpaintCOCO (the seed paper's benchmark) with a model: each row's COCO image and its inpainted twin are
/// scored against the COCO caption and the inpainting caption. The parquet files are read a chunk of rows at a time
/// (their images are inline), so memory holds one chunk.
/// </summary>
public static class InpaintCocoEvaluation
{
    /// <summary>The parquet files of an InpaintCOCO path: the file itself, or every <c>*.parquet</c> under a folder
    /// (Hugging Face's <c>data/test-00000-of-00001.parquet</c> layout), in name order.</summary>
    /// <param name="path">A parquet file or a folder.</param>
    /// <returns>The files; empty when there are none.</returns>
    public static List<string> Files(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return File.Exists(path) ? [Path.GetFullPath(path)]
            : Directory.Exists(path) ? [.. Directory.EnumerateFiles(path, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>Scores the rows of the files.</summary>
    /// <param name="model">The model.</param>
    /// <param name="tokenizer">CLIP's tokenizer.</param>
    /// <param name="files">The parquet files.</param>
    /// <param name="report">Where unreadable rows and images are reported.</param>
    /// <param name="maxItems">Score only the first this many rows; null for all.</param>
    /// <param name="chunk">Rows scored at a time.</param>
    /// <returns>Per concept and overall.</returns>
    public static InpaintCocoReport Evaluate(ClipModel model, ClipTokenizer tokenizer, IReadOnlyList<string> files, DataLoadReport report,
        int? maxItems = null, int chunk = 32)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(files);
        var embedder = new ClipEmbedder(model, tokenizer, 2 * chunk);
        var decoder = new PhotoDecoder(model.Options.Vision.ImageSize, report);
        var scored = new List<WinogroundItem>();
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        var pending = new List<InpaintCocoRecord>();
        int seen = 0;
        foreach (string file in files)
        {
            foreach (InpaintCocoRecord record in InpaintCocoLoader.ReadAsync(file, report).ToBlockingEnumerable())
            {
                if (seen++ == maxItems)
                {
                    break;
                }
                pending.Add(record);
                if (pending.Count == chunk)
                {
                    Flush(embedder, decoder, pending, scored, skipped);
                }
            }
        }
        Flush(embedder, decoder, pending, scored, skipped);
        return InpaintCocoReport.From(scored, skipped);
    }

    private static void Flush(ClipEmbedder embedder, PhotoDecoder decoder, List<InpaintCocoRecord> pending, List<WinogroundItem> scored,
        Dictionary<string, int> skipped)
    {
        EvaluationItem[] items = [.. pending.Select(r => new EvaluationItem(
            [new EvaluationImage(r.Original.Image, $"coco_image of row {r.Index}"), new EvaluationImage(r.Inpainted.Image, $"inpaint_image of row {r.Index}")],
            [r.Original.Caption, r.Inpainted.Caption]))];
        CaptionImageScores?[] scores = ItemScoring.Score(embedder, decoder, items);
        for (int i = 0; i < pending.Count; i++)
        {
            string concept = pending[i].Concept.Trim().ToLowerInvariant();
            if (scores[i] is not { } s)
            {
                skipped[concept] = skipped.GetValueOrDefault(concept) + 1;
                continue;
            }
            scored.Add(new WinogroundItem(concept, s[0, 0], s[0, 1], s[1, 0], s[1, 1]));
        }
        pending.Clear();
    }
}
