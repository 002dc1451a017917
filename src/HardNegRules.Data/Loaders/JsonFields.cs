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

        if (element.TryGetProperty(name, out JsonElement value) && Text(value)?.Trim() is { Length: > 0 } text)
        {
            return text;
        }

        error = $"missing a non-empty string \"{name}\" field";
        return null;
    }

    /// <summary>
    /// A string value, or null when the value is not a string or not valid text: JSON may escape half of a UTF-16
    /// surrogate pair ("\ud800"), which System.Text.Json refuses to turn into a string with an exception.
    /// </summary>
    public static string? Text(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>An id field written as a number or a string, as text; null when absent or of another kind.</summary>
    public static string? Id(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value)
            ? value.ValueKind switch
            {
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.String => Text(value),
                _ => null,
            }
            : null;
}
