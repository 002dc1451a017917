using System.Globalization;
using System.Text.Json;

namespace HardNegRules.Data.Loaders;

/// <summary>
/// Reads Karpathy's split file (dataset_coco.json, also dataset_flickr30k.json):
/// <c>{"images": [{"filepath": "val2014", "filename": "COCO_val2014_...jpg", "split": "test", "cocoid": 391895,
/// "sentences": [{"raw": "A man ...", "sentid": 770337}]}]}</c>. One pair per sentence; streamed, so the 140 MB file
/// is never held whole.
/// </summary>
public static class KarpathyCocoLoader
{
    /// <summary>The pairs of the file, in file order.</summary>
    /// <param name="path">dataset_coco.json.</param>
    /// <param name="imageRoot">The folder that holds the "filepath" folders (e.g. the COCO root holding train2014/, val2014/); null keeps paths relative.</param>
    /// <param name="report">Where unreadable images and sentences are reported.</param>
    /// <param name="split">Only this split ("train", "restval", "val", "test"); null for all.</param>
    /// <returns>The pairs; their <see cref="ImageCaptionPair.Id"/> is the sentence's "sentid", else "image index/sentence index".</returns>
    public static IEnumerable<ImageCaptionPair> Read(string path, string? imageRoot, DataLoadReport report, string? split = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(report);
        foreach ((long index, JsonElement image) in JsonArrayStream.Read(path, "images", report))
        {
            string? file = JsonFields.String(image, "filename", out string? error);
            if (file is null)
            {
                report.Add(DataLoadError.AtRecord(path, index, $"image {index}: {error}"));
                continue;
            }

            string? imageSplit = image.TryGetProperty("split", out JsonElement s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            if (split is not null && !string.Equals(split, imageSplit, StringComparison.Ordinal))
            {
                continue;
            }

            if (!image.TryGetProperty("sentences", out JsonElement sentences) || sentences.ValueKind != JsonValueKind.Array)
            {
                report.Add(DataLoadError.AtRecord(path, index, $"image {index} ({file}): missing a \"sentences\" array"));
                continue;
            }

            string folder = image.TryGetProperty("filepath", out JsonElement f) && f.ValueKind == JsonValueKind.String ? f.GetString()! : string.Empty;
            string relative = Path.Combine(folder, file);
            var reference = ImageReference.FromFile(imageRoot is null ? relative : Path.Combine(imageRoot, relative));
            int sentenceIndex = 0;
            foreach (JsonElement sentence in sentences.EnumerateArray())
            {
                string? raw = JsonFields.String(sentence, "raw", out error);
                string id = JsonFields.Id(sentence, "sentid") ?? string.Create(CultureInfo.InvariantCulture, $"{index}/{sentenceIndex}");
                if (raw is null)
                {
                    report.Add(DataLoadError.AtRecord(path, index, $"image {index} ({file}), sentence {sentenceIndex}: {error}"));
                }
                else
                {
                    report.CountRecord();
                    yield return new ImageCaptionPair(id, raw, reference, imageSplit);
                }

                sentenceIndex++;
            }
        }
    }
}
