using System.Text.Json;
using HardNegRules.IO;

namespace HardNegRules.Data.Loaders;

/// <summary>
/// Reads SugarCrepe's seven category files (<c>add_att.json</c>, ...) from a folder. Each is a JSON object of items:
/// <c>{"0": {"filename": "000000085329.jpg", "caption": "...", "negative_caption": "..."}, ...}</c>. A missing file, a
/// malformed file or an incomplete item is reported (file and item) and skipped; the rest is read.
/// </summary>
public static class SugarCrepeFiles
{
    /// <summary>The seven categories, in the benchmark's order.</summary>
    public static IReadOnlyList<string> Categories { get; } =
        ["add_att", "add_obj", "replace_att", "replace_obj", "replace_rel", "swap_att", "swap_obj"];

    /// <summary>The items of every category found in <paramref name="folder"/>, category by category, in file order.</summary>
    /// <param name="folder">The folder holding the category files.</param>
    /// <param name="report">Where missing files and unreadable items are reported.</param>
    /// <returns>The items.</returns>
    public static List<SugarCrepeItem> Read(string folder, DataLoadReport report)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(report);
        var items = new List<SugarCrepeItem>();
        foreach (string category in Categories)
        {
            string path = Path.Combine(folder, category + ".json");
            if (!File.Exists(path))
            {
                report.Add(DataLoadError.InFile(path, "category file not found"));
                continue;
            }
            items.AddRange(ReadCategory(path, category, report));
        }
        return items;
    }

    /// <summary>The items of one category file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="category">The category the items get.</param>
    /// <param name="report">Where a malformed file and incomplete items are reported.</param>
    /// <returns>The items.</returns>
    public static List<SugarCrepeItem> ReadCategory(string path, string category, DataLoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var items = new List<SugarCrepeItem>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(InputFile.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            report.Add(new DataLoadError(path, e.LineNumber + 1, null, $"not valid JSON: {e.Message}"));
            return items;
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                report.Add(DataLoadError.InFile(path, "expected an object of items {\"0\": {\"filename\", \"caption\", \"negative_caption\"}, ...}"));
                return items;
            }
            long index = 0;
            foreach (JsonProperty item in document.RootElement.EnumerateObject())
            {
                string? file = Text(item.Value, "filename");
                string? caption = Text(item.Value, "caption");
                string? negative = Text(item.Value, "negative_caption");
                string? missing = file is null ? "filename" : caption is null ? "caption" : negative is null ? "negative_caption" : null;
                if (missing is not null)
                {
                    report.Add(DataLoadError.AtRecord(path, index, $"item \"{item.Name}\": missing a non-empty \"{missing}\""));
                }
                else
                {
                    report.CountRecord();
                    items.Add(new SugarCrepeItem(category, item.Name, file!, caption!, negative!));
                }
                index++;
            }
        }
        return items;
    }

    private static string? Text(JsonElement item, string name)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out JsonElement value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString()!.Trim() is { Length: > 0 } text ? text : null;
        }
        catch (InvalidOperationException)
        {
            // An escaped half of a surrogate pair ("\ud800") is not text: the item is reported as incomplete.
            return null;
        }
    }
}
