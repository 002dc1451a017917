using System.Text.Json;

namespace HardNegRules.Data.Loaders;

/// <summary>Typed reads of JSON object fields that say what is wrong instead of throwing.</summary>
internal static class JsonFields
{
    /// <summary>A non-empty string field, or an error.</summary>
    public static string? String(JsonElement element, string name, out string? error)
    {
        error = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "expected a JSON object";
            return null;
        }

        if (element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String &&
            value.GetString()!.Trim() is { Length: > 0 } text)
        {
            return text;
        }

        error = $"missing a non-empty string \"{name}\" field";
        return null;
    }

    /// <summary>An id field written as a number or a string, as text; null when absent or of another kind.</summary>
    public static string? Id(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value)
            ? value.ValueKind switch
            {
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.String => value.GetString(),
                _ => null,
            }
            : null;
}
