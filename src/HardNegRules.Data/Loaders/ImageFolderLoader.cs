using System.Globalization;
using System.Text.Json;
using HardNegRules.IO;

namespace HardNegRules.Data.Loaders;

/// <summary>
/// Reads a folder of images described by a captions JSONL file, one object a line:
/// <c>{"file_name": "0001.jpg", "caption": "a red dress"}</c> (also "image" or "filepath" for the file, and
/// "captions": [...] for several captions of one image; an optional "id" names the record).
/// </summary>
public static class ImageFolderLoader
{
    private static readonly string[] FileKeys = ["file_name", "image", "filepath"];

    /// <summary>The pairs, in file order.</summary>
    /// <param name="folder">The image folder.</param>
    /// <param name="captionsFile">The JSONL file; relative paths are taken in <paramref name="folder"/>.</param>
    /// <param name="report">Where malformed lines and missing images are reported, with their line.</param>
    /// <param name="requireImageFiles">Skip (and report) lines whose image file does not exist.</param>
    /// <param name="allowAbsolutePaths">Accept absolute image paths (see <see cref="DataRoot"/>).</param>
    /// <returns>The pairs; the id is the line's "id" (with "/n" for its n-th caption when it has several), else its line number.</returns>
    public static IEnumerable<ImageCaptionPair> Read(string folder, string captionsFile, DataLoadReport report, bool requireImageFiles = true, bool allowAbsolutePaths = false)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(captionsFile);
        ArgumentNullException.ThrowIfNull(report);
        string path = Path.Combine(folder, captionsFile);
        if (!File.Exists(path))
        {
            report.Add(DataLoadError.InFile(path, "captions file not found"));
            yield break;
        }

        var root = new DataRoot(folder, allowAbsolutePaths);
        foreach ((long line, string text) in RecordLines.Read(path))
        {
            foreach (ImageCaptionPair pair in ParseLine(root, folder, path, line, text, report, requireImageFiles))
            {
                report.CountRecord();
                yield return pair;
            }
        }
    }

    private static List<ImageCaptionPair> ParseLine(DataRoot dataRoot, string folder, string path, long line, string text, DataLoadReport report, bool requireImageFiles)
    {
        var pairs = new List<ImageCaptionPair>();
        try
        {
            using var document = JsonDocument.Parse(text);
            JsonElement root = document.RootElement;
            string? file = root.ValueKind == JsonValueKind.Object
                ? FileKeys.Select(key => root.TryGetProperty(key, out JsonElement f) ? JsonFields.Text(f) : null).FirstOrDefault(f => !string.IsNullOrWhiteSpace(f))
                : null;
            List<string>? captions = root.ValueKind == JsonValueKind.Object ? Captions(root) : null;
            string? imagePath = null;
            string? problem = root.ValueKind != JsonValueKind.Object ? "expected a JSON object"
                : file is null ? "missing a string \"file_name\" (or \"image\", \"filepath\") field"
                : captions is null ? "missing a non-empty string \"caption\" or an array of strings \"captions\""
                : (imagePath = dataRoot.Resolve(file, out string? outside)) is null ? outside
                : requireImageFiles && !File.Exists(imagePath) ? $"image {file} not found in {folder}"
                : null;
            if (problem is not null)
            {
                report.Add(DataLoadError.AtLine(path, line, problem));
                return pairs;
            }

            string id = JsonFields.Id(root, "id") ?? line.ToString(CultureInfo.InvariantCulture);
            var image = ImageReference.FromFile(imagePath!);
            for (int i = 0; i < captions!.Count; i++)
            {
                pairs.Add(new ImageCaptionPair(captions.Count == 1 ? id : string.Create(CultureInfo.InvariantCulture, $"{id}/{i}"), captions[i], image));
            }
        }
        catch (JsonException e)
        {
            report.Add(DataLoadError.AtLine(path, line, $"not valid JSON: {e.Message}"));
        }

        return pairs;
    }

    private static List<string>? Captions(JsonElement root)
    {
        if (root.TryGetProperty("caption", out JsonElement one) && JsonFields.Text(one)?.Trim() is { Length: > 0 } caption)
        {
            return [caption];
        }

        if (root.TryGetProperty("captions", out JsonElement many) && many.ValueKind == JsonValueKind.Array &&
            many.EnumerateArray().All(c => JsonFields.Text(c)?.Trim().Length > 0) && many.GetArrayLength() > 0)
        {
            return many.EnumerateArray().Select(c => JsonFields.Text(c)!.Trim()).ToList();
        }

        return null;
    }
}
