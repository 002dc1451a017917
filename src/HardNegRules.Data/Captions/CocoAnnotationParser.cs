using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HardNegRules.Data.Captions;

/// <summary>
/// Reads one element of a COCO file's "annotations" or "images" array straight from a <see cref="Utf8JsonReader"/>,
/// without building a document per element. Fields follow <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>
/// semantics (the last of duplicated names wins), so records are the same as the whole-document reader gave.
/// </summary>
internal static class CocoAnnotationParser
{
    /// <summary>
    /// Reads the annotation whose first token the reader is on. Returns false when the buffer ends inside it (the caller
    /// rewinds and retries with more data); otherwise exactly one of <paramref name="record"/> and <paramref name="error"/> is set.
    /// </summary>
    public static bool TryReadAnnotation(ref Utf8JsonReader reader, long index, out CaptionRecord? record, out string? error)
    {
        record = null;
        error = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error = "expected an object";
            return reader.TrySkip();
        }

        string? caption = null;
        string? id = null;
        bool idIsNumber = true;
        bool idInvalid = false;
        Field imageId = default;
        Field image = default;
        Field filepath = default;
        Field fileName = default;
        while (true)
        {
            FieldStep step = NextField(ref reader, out FieldName name);
            if (step == FieldStep.OutOfData)
            {
                return false;
            }
            if (step == FieldStep.ObjectEnd)
            {
                break;
            }

            switch (name)
            {
                case FieldName.Caption:
                    caption = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    break;
                case FieldName.Id:
                    idInvalid = reader.TokenType is not (JsonTokenType.Number or JsonTokenType.String);
                    idIsNumber = reader.TokenType != JsonTokenType.String;
                    id = idInvalid ? null : Scalar(ref reader);
                    break;
                case FieldName.ImageId:
                    imageId = new Field(true, IdOrNull(ref reader));
                    break;
                case FieldName.Image:
                    image = new Field(true, IdOrNull(ref reader));
                    break;
                case FieldName.Filepath:
                    filepath = new Field(true, reader.TokenType == JsonTokenType.String ? reader.GetString() : null);
                    break;
                case FieldName.FileName:
                    fileName = new Field(true, reader.TokenType == JsonTokenType.String ? reader.GetString() : null);
                    break;
                default:
                    break;
            }
        }

        if (caption is null)
        {
            error = "missing a string \"caption\" field";
        }
        else if (idInvalid)
        {
            error = "\"id\" must be a number or a string";
        }
        else
        {
            // As the document reader: "image_id" shadows "image" and "filepath" shadows "file_name" whenever present.
            record = new CaptionRecord(id ?? index.ToString(CultureInfo.InvariantCulture), caption.Trim(),
                imageId.Present ? imageId.Value : image.Value, idIsNumber, filepath.Present ? filepath.Value : fileName.Value);
        }

        return true;
    }

    /// <summary>
    /// Reads the "images" entry whose first token the reader is on into <paramref name="files"/> (image id -> file name);
    /// entries without both are ignored. Returns false when the buffer ends inside it.
    /// </summary>
    public static bool TryReadImage(ref Utf8JsonReader reader, Dictionary<string, string> files)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return reader.TrySkip();
        }

        string? id = null;
        string? fileName = null;
        while (true)
        {
            FieldStep step = NextField(ref reader, out FieldName name);
            if (step == FieldStep.OutOfData)
            {
                return false;
            }
            if (step == FieldStep.ObjectEnd)
            {
                break;
            }

            if (name == FieldName.Id)
            {
                id = IdOrNull(ref reader);
            }
            else if (name == FieldName.FileName)
            {
                fileName = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
        }

        if (id is not null && fileName is not null)
        {
            files[id] = fileName;
        }

        return true;
    }

    /// <summary>
    /// Moves to the next field's value (a nested value is skipped to its end, so the reader is on its last token):
    /// <see cref="FieldStep.Field"/> with its name, <see cref="FieldStep.ObjectEnd"/> at the object's end, or
    /// <see cref="FieldStep.OutOfData"/> when the buffer ends first.
    /// </summary>
    private static FieldStep NextField(ref Utf8JsonReader reader, out FieldName name)
    {
        name = FieldName.Other;
        if (!reader.Read())
        {
            return FieldStep.OutOfData;
        }
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return FieldStep.ObjectEnd;
        }
        name = Name(ref reader);
        return reader.Read() && reader.TrySkip() ? FieldStep.Field : FieldStep.OutOfData;
    }

    private static FieldName Name(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("caption"u8) ? FieldName.Caption
        : reader.ValueTextEquals("id"u8) ? FieldName.Id
        : reader.ValueTextEquals("image_id"u8) ? FieldName.ImageId
        : reader.ValueTextEquals("image"u8) ? FieldName.Image
        : reader.ValueTextEquals("filepath"u8) ? FieldName.Filepath
        : reader.ValueTextEquals("file_name"u8) ? FieldName.FileName
        : FieldName.Other;

    private static string? IdOrNull(ref Utf8JsonReader reader) =>
        reader.TokenType is JsonTokenType.Number or JsonTokenType.String ? Scalar(ref reader) : null;

    // A number keeps its written text (as JsonElement.GetRawText), so ids round-trip exactly; a string is unescaped.
    private static string Scalar(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number ? Encoding.UTF8.GetString(reader.ValueSpan) : reader.GetString()!;

    private enum FieldStep
    {
        Field,
        ObjectEnd,
        OutOfData,
    }

    private enum FieldName
    {
        Other,
        Caption,
        Id,
        ImageId,
        Image,
        Filepath,
        FileName,
    }

    private readonly record struct Field(bool Present, string? Value);
}
