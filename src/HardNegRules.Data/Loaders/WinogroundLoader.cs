using System.Globalization;
using System.Text.Json;

namespace HardNegRules.Data.Loaders;

/// <summary>
/// Reads Winoground as Hugging Face publishes it (facebook/winoground, <c>data/</c>): <c>examples.jsonl</c>, one
/// object a line with id, caption_0, caption_1, image_0, image_1 (file names without extension, e.g. ex_0_img_0),
/// tag, secondary_tag, num_main_preds and collapsed_tag, and the unzipped <c>images/</c> folder (ex_0_img_0.png, ...).
/// </summary>
public static class WinogroundLoader
{
    /// <summary>The examples file's name.</summary>
    public const string ExamplesFile = "examples.jsonl";

    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg"];

    /// <summary>The examples file of a Winoground folder (the folder itself, or its <c>data/</c>), or null.</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The path of examples.jsonl, or null when neither place has it.</returns>
    public static string? FindExamples(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return new[] { Path.Combine(folder, ExamplesFile), Path.Combine(folder, "data", ExamplesFile) }.FirstOrDefault(File.Exists);
    }

    /// <summary>The examples, in file order.</summary>
    /// <param name="examplesPath">examples.jsonl; the images are in <c>images/</c> beside it.</param>
    /// <param name="report">Where malformed lines are reported, with their line.</param>
    /// <returns>The examples. Image files are not checked here: a missing image is reported when it is decoded.</returns>
    public static IEnumerable<WinogroundExample> Read(string examplesPath, DataLoadReport report)
    {
        ArgumentNullException.ThrowIfNull(examplesPath);
        ArgumentNullException.ThrowIfNull(report);
        string images = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(examplesPath))!, "images");
        long line = 0;
        foreach (string text in File.ReadLines(examplesPath))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            WinogroundExample? example = Parse(text, images, out string? problem);
            if (example is null)
            {
                report.Add(DataLoadError.AtLine(examplesPath, line, problem!));
                continue;
            }
            report.CountRecord();
            yield return example;
        }
    }

    private static WinogroundExample? Parse(string text, string images, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            JsonElement root = document.RootElement;
            string? caption0 = JsonFields.String(root, "caption_0", out problem);
            string? caption1 = caption0 is null ? null : JsonFields.String(root, "caption_1", out problem);
            string? image0 = caption1 is null ? null : JsonFields.String(root, "image_0", out problem);
            string? image1 = image0 is null ? null : JsonFields.String(root, "image_1", out problem);
            if (image1 is null)
            {
                return null;
            }
            string id = JsonFields.Id(root, "id") ?? image0!;
            int? predicates = root.TryGetProperty("num_main_preds", out JsonElement p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out int n)
                ? n
                : p.ValueKind == JsonValueKind.String && int.TryParse(p.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int s) ? s : null;
            problem = null;
            return new WinogroundExample(id, caption0!, caption1!, ImageReference.FromFile(ImageFile(images, image0!)),
                ImageReference.FromFile(ImageFile(images, image1)), Optional(root, "tag"), Optional(root, "secondary_tag"),
                predicates, Optional(root, "collapsed_tag"));
        }
        catch (JsonException e)
        {
            problem = $"not valid JSON: {e.Message}";
            return null;
        }
    }

    // Names come without extension (ex_0_img_0); the published images are PNGs, converted copies may be JPEGs.
    private static string ImageFile(string images, string name)
    {
        string exact = Path.Combine(images, name);
        if (Path.HasExtension(name) && File.Exists(exact))
        {
            return exact;
        }
        return Extensions.Select(e => exact + e).FirstOrDefault(File.Exists) ?? exact + Extensions[0];
    }

    private static string Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : string.Empty;
}
