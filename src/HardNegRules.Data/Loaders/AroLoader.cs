using System.Globalization;
using System.Text.Json;

namespace HardNegRules.Data.Loaders;

/// <summary>
/// Reads the files of ARO (Yuksekgonul et al., ICLR 2023) in their published layouts: the JSON arrays
/// <c>visual_genome_relation.json</c> and <c>visual_genome_attribution.json</c> (image_path, bbox_x/y/w/h,
/// true_caption, false_caption, and relation_name or attributes) with their <c>images/</c> folder, and the retrieval
/// test splits its order tasks perturb (<c>coco_karpathy_test.json</c>, <c>flickr30k_test.json</c>).
/// </summary>
public static class AroLoader
{
    /// <summary>VG-Relation's file name.</summary>
    public const string RelationFile = "visual_genome_relation.json";

    /// <summary>VG-Attribution's file name.</summary>
    public const string AttributionFile = "visual_genome_attribution.json";

    /// <summary>The COCO test split file COCO-Order is built from.</summary>
    public const string CocoTestFile = "coco_karpathy_test.json";

    /// <summary>The Flickr30k test split file Flickr30k-Order is built from.</summary>
    public const string FlickrTestFile = "flickr30k_test.json";

    private static readonly string[] BoxKeys = ["bbox_x", "bbox_y", "bbox_w", "bbox_h"];

    /// <summary>VG-Relation or VG-Attribution items, in file order.</summary>
    /// <param name="path">The JSON file.</param>
    /// <param name="imageFolder">The folder the "image_path" names are in (ARO's <c>images/</c>).</param>
    /// <param name="report">Where malformed items are reported with their index.</param>
    /// <returns>The items; a file that is not a JSON array is one error and no items.</returns>
    public static List<AroRegionItem> ReadRegions(string path, string imageFolder, DataLoadReport report)
    {
        ArgumentNullException.ThrowIfNull(imageFolder);
        var items = new List<AroRegionItem>();
        ReadArray(path, report, (index, item) =>
        {
            string? image = JsonFields.String(item, "image_path", out string? problem);
            string? truth = image is null ? null : JsonFields.String(item, "true_caption", out problem);
            string? falsehood = truth is null ? null : JsonFields.String(item, "false_caption", out problem);
            double[] box = [.. BoxKeys.Select(k => Number(item, k) ?? double.NaN)];
            string? group = falsehood is null ? null : Class(item);
            problem ??= box.Any(double.IsNaN) ? "missing a number bbox_x, bbox_y, bbox_w or bbox_h"
                : box[2] <= 0 || box[3] <= 0 ? "bbox_w and bbox_h must be positive"
                : group is null ? "missing \"relation_name\" (VG-Relation) or a list of two \"attributes\" (VG-Attribution)"
                : null;
            if (problem is not null)
            {
                return problem;
            }
            items.Add(new AroRegionItem(index, ImageReference.FromFile(Path.Combine(imageFolder, image!)), box[0], box[1], box[2], box[3],
                truth!, falsehood!, group!));
            return null;
        });
        return items;
    }

    /// <summary>The images and captions of a retrieval test split, in file order.</summary>
    /// <param name="path">coco_karpathy_test.json or flickr30k_test.json.</param>
    /// <param name="imageRoot">The folder the "image" paths are relative to.</param>
    /// <param name="report">Where malformed entries are reported with their index.</param>
    /// <returns>The images with their captions.</returns>
    public static List<AroCaptionedImage> ReadCaptionedImages(string path, string imageRoot, DataLoadReport report)
    {
        ArgumentNullException.ThrowIfNull(imageRoot);
        var images = new List<AroCaptionedImage>();
        ReadArray(path, report, (index, item) =>
        {
            string? image = JsonFields.String(item, "image", out string? problem);
            if (image is null)
            {
                return problem;
            }
            List<string> captions = item.TryGetProperty("caption", out JsonElement c) ? c.ValueKind switch
            {
                JsonValueKind.String => [.. new[] { c.GetString()!.Trim() }.Where(t => t.Length > 0)],
                JsonValueKind.Array => [.. c.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.Trim()).Where(t => t.Length > 0)],
                _ => [],
            } : [];
            if (captions.Count == 0)
            {
                return "missing \"caption\" (a string or a list of strings)";
            }
            images.Add(new AroCaptionedImage(index, ImageReference.FromFile(Path.Combine(imageRoot, image)), captions));
            return null;
        });
        return images;
    }

    private static void ReadArray(string path, DataLoadReport report, Func<long, JsonElement, string?> read)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(report);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            report.Add(new DataLoadError(path, e.LineNumber + 1, null, $"not valid JSON: {e.Message}"));
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            report.Add(DataLoadError.InFile(path, $"unreadable: {e.Message}"));
            return;
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                report.Add(DataLoadError.InFile(path, "expected a JSON array of items"));
                return;
            }
            long index = 0;
            foreach (JsonElement item in document.RootElement.EnumerateArray())
            {
                string? problem = item.ValueKind == JsonValueKind.Object ? read(index, item) : "expected a JSON object";
                if (problem is null)
                {
                    report.CountRecord();
                }
                else
                {
                    report.Add(DataLoadError.AtRecord(path, index, $"item {index}: {problem}"));
                }
                index++;
            }
        }
    }

    private static double? Number(JsonElement item, string name) =>
        item.TryGetProperty(name, out JsonElement value) ? value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) => v,
            _ => null,
        } : null;

    private static string? Class(JsonElement item)
    {
        if (item.TryGetProperty("relation_name", out JsonElement relation) && relation.ValueKind == JsonValueKind.String
            && relation.GetString()!.Trim() is { Length: > 0 } name)
        {
            return name;
        }
        if (item.TryGetProperty("attributes", out JsonElement attributes) && attributes.ValueKind == JsonValueKind.Array
            && attributes.GetArrayLength() == 2 && attributes.EnumerateArray().All(a => a.ValueKind == JsonValueKind.String))
        {
            return string.Join('_', attributes.EnumerateArray().Select(a => a.GetString()));
        }
        return null;
    }
}
