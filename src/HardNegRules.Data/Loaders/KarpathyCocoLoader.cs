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
    /// <summary>The splits Karpathy's files use.</summary>
    public static IReadOnlyList<string> Splits { get; } = ["train", "restval", "val", "test"];

    /// <summary>The pairs of the file, in file order.</summary>
    /// <param name="path">dataset_coco.json.</param>
    /// <param name="imageRoot">The folder that holds the "filepath" folders (e.g. the COCO root holding train2014/, val2014/); null keeps paths relative.</param>
    /// <param name="report">Where unreadable images and sentences, images without a known split and paths that leave the
    /// image folder are reported.</param>
    /// <param name="split">Only this split ("train", "restval", "val", "test"); null for all.</param>
    /// <param name="allowAbsolutePaths">Accept absolute image paths (see <see cref="DataRoot"/>).</param>
    /// <returns>The pairs; their <see cref="ImageCaptionPair.Id"/> is the sentence's "sentid", else "image index/sentence index".</returns>
    /// <exception cref="DataFileException">The file is not JSON, is cut short or has no "images" array.</exception>
    public static IEnumerable<ImageCaptionPair> Read(string path, string? imageRoot, DataLoadReport report, string? split = null, bool allowAbsolutePaths = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(report);
        var root = new DataRoot(imageRoot, allowAbsolutePaths);
        foreach ((long index, JsonElement image) in JsonArrayStream.Read(path, "images"))
        {
            string? file = JsonFields.String(image, "filename", out string? error);
            if (file is null)
            {
                report.Add(DataLoadError.AtRecord(path, index, $"image {index}: {error}"));
                continue;
            }

            // An image outside the four splits would silently fall out of every split: report it instead.
            if (SplitOf(image) is not { } imageSplit)
            {
                report.Add(DataLoadError.AtRecord(path, index, $"image {index} ({file}): {SplitProblem(image)}; expected one of {string.Join(", ", Splits)}"));
                continue;
            }

            if (split is not null && !string.Equals(split, imageSplit, StringComparison.Ordinal))
            {
                continue;
            }

            if (!image.TryGetProperty("sentences", out JsonElement sentences) || sentences.ValueKind != JsonValueKind.Array)
            {
                report.Add(DataLoadError.AtRecord(path, index, $"image {index} ({file}): missing a \"sentences\" array"));
                continue;
            }

            string folder = image.TryGetProperty("filepath", out JsonElement f) ? JsonFields.Text(f) ?? string.Empty : string.Empty;
            if (root.Resolve(Path.Combine(folder, file), out string? problem) is not { } imagePath)
            {
                report.Add(DataLoadError.AtRecord(path, index, $"image {index}: {problem}"));
                continue;
            }

            var reference = ImageReference.FromFile(imagePath);
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

    private static string? SplitOf(JsonElement image) =>
        image.TryGetProperty("split", out JsonElement s) && JsonFields.Text(s) is { } text && Splits.Contains(text, StringComparer.Ordinal)
            ? text
            : null;

    private static string SplitProblem(JsonElement image) =>
        !image.TryGetProperty("split", out JsonElement s) ? "no \"split\""
        : s.ValueKind == JsonValueKind.String ? $"unknown split {s.GetRawText()}"
        : $"\"split\" is {s.GetRawText()}, not a text";
}
