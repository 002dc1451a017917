using HardNegRules.IO;
using System.Text.Json;

namespace HardNegRules.Quality;

/// <summary>A SugarCrepe record: a COCO caption and the negative a person checked for it.</summary>
/// <param name="Id">The record's key in its file.</param>
/// <param name="Caption">The true caption.</param>
/// <param name="NegativeCaption">The human-checked negative.</param>
public sealed record SugarCrepeRecord(string Id, string Caption, string NegativeCaption)
{
    /// <summary>Reads a SugarCrepe file: <c>{"0": {"filename": ..., "caption": ..., "negative_caption": ...}, ...}</c>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Its records in file order.</returns>
    public static IReadOnlyList<SugarCrepeRecord> Load(string path)
    {
        using FileStream stream = InputFile.OpenRead(path);
        using JsonDocument document = JsonDocument.Parse(stream);
        var records = new List<SugarCrepeRecord>();
        foreach (JsonProperty property in document.RootElement.EnumerateObject())
        {
            records.Add(new SugarCrepeRecord(property.Name, property.Value.GetProperty("caption").GetString() ?? string.Empty,
                property.Value.GetProperty("negative_caption").GetString() ?? string.Empty));
        }

        return records;
    }
}
