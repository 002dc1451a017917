using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HardNegRules.Data.Captions;

/// <summary>
/// Streams captions from text, JSONL or COCO captions files, one record at a time: memory does not grow with the file.
/// Bad records are reported through a callback with their file and line, counted, and skipped; they never stop the read.
/// </summary>
public static class CaptionFileReader
{
    /// <summary>Tells the format from the file's name and first non-blank character.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The format.</returns>
    public static CaptionFormat Detect(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
        {
            return CaptionFormat.Jsonl;
        }

        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return CaptionFormat.Coco;
        }

        // A .txt or extension-less file that starts with '{' is JSONL.
        using var reader = new StreamReader(path, Encoding.UTF8);
        int c;
        while ((c = reader.Read()) >= 0 && char.IsWhiteSpace((char)c))
        {
        }

        return c == '{' ? CaptionFormat.Jsonl : CaptionFormat.Text;
    }

    /// <summary>Reads captions in file order.</summary>
    /// <param name="path">The file.</param>
    /// <param name="onError">Called for each record that cannot be read.</param>
    /// <param name="format">The format; detected when null.</param>
    /// <returns>The captions, streamed.</returns>
    public static IEnumerable<CaptionRecord> Read(string path, Action<CaptionReadError> onError, CaptionFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(onError);
        return (format ?? Detect(path)) switch
        {
            CaptionFormat.Text => ReadText(path),
            CaptionFormat.Jsonl => ReadJsonl(path, onError),
            _ => CocoCaptionReader.Read(path, onError),
        };
    }

    private static IEnumerable<CaptionRecord> ReadText(string path)
    {
        long line = 0;
        foreach (string text in File.ReadLines(path, Encoding.UTF8))
        {
            line++;
            string caption = text.Trim();
            if (caption.Length > 0)
            {
                yield return new CaptionRecord(line.ToString(CultureInfo.InvariantCulture), caption, null, IdIsNumber: true);
            }
        }
    }

    private static IEnumerable<CaptionRecord> ReadJsonl(string path, Action<CaptionReadError> onError)
    {
        long line = 0;
        foreach (string text in File.ReadLines(path, Encoding.UTF8))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            CaptionRecord? record = ParseJsonLine(path, line, text, onError);
            if (record is not null)
            {
                yield return record;
            }
        }
    }

    private static CaptionRecord? ParseJsonLine(string path, long line, string text, Action<CaptionReadError> onError)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                onError(new CaptionReadError(path, line, "expected a JSON object with a \"caption\" field"));
                return null;
            }

            return FromObject(document.RootElement, line.ToString(CultureInfo.InvariantCulture), path, line, onError);
        }
        catch (JsonException e)
        {
            onError(new CaptionReadError(path, line, $"not valid JSON: {e.Message}"));
            return null;
        }
    }

    private static CaptionRecord? FromObject(JsonElement element, string fallbackId, string path, long line, Action<CaptionReadError> onError)
    {
        if (!element.TryGetProperty("caption", out JsonElement caption) || caption.ValueKind != JsonValueKind.String)
        {
            onError(new CaptionReadError(path, line, "missing a string \"caption\" field"));
            return null;
        }

        string id = fallbackId;
        bool idIsNumber = true;
        if (element.TryGetProperty("id", out JsonElement idElement))
        {
            switch (idElement.ValueKind)
            {
                case JsonValueKind.Number:
                    id = idElement.GetRawText();
                    break;
                case JsonValueKind.String:
                    id = idElement.GetString()!;
                    idIsNumber = false;
                    break;
                default:
                    onError(new CaptionReadError(path, line, "\"id\" must be a number or a string"));
                    return null;
            }
        }

        string? image = null;
        if ((element.TryGetProperty("image_id", out JsonElement imageElement) || element.TryGetProperty("image", out imageElement)) &&
            imageElement.ValueKind is JsonValueKind.Number or JsonValueKind.String)
        {
            image = imageElement.ValueKind == JsonValueKind.String ? imageElement.GetString() : imageElement.GetRawText();
        }

        string? file = null;
        if ((element.TryGetProperty("filepath", out JsonElement fileElement) || element.TryGetProperty("file_name", out fileElement)) &&
            fileElement.ValueKind == JsonValueKind.String)
        {
            file = fileElement.GetString();
        }

        return new CaptionRecord(id, caption.GetString()!.Trim(), image, idIsNumber, file);
    }
}
