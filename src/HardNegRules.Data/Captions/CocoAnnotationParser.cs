using System.Text.Json;
using HardNegRules.Negatives;
using System.Runtime.CompilerServices;

namespace HardNegRules.Data.Captions;

/// <summary>
/// Reads one element of a COCO file's "annotations" or "images" array straight from a <see cref="Utf8JsonReader"/>
/// into a caption batch (or the image map), without a string per field. The last of duplicated names wins.
/// </summary>
internal static class CocoAnnotationParser
{
    /// <summary>
    /// Reads the annotation whose first token the reader is on into <paramref name="batch"/>. Returns false when the
    /// buffer ends inside it (the caller rewinds, abandons what was appended and retries with more data); otherwise the
    /// record was added, or <paramref name="error"/> says why not.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryReadAnnotation(ref Utf8JsonReader reader, long index, CaptionBatch batch, out string? error)
    {
        error = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error = "expected an object";
            return reader.TrySkip();
        }

        int mark = batch.Begin();
        var fields = new CaptionRecordFields();
        FieldStep step;
        while ((step = NextField(ref reader, out JsonField name)) == FieldStep.Field)
        {
            try
            {
                _ = fields.TryRead(name, ref reader, batch);
            }
            catch (InvalidOperationException e)
            {
                // An escape that is not valid text (a lone surrogate): the record is unreadable, the file goes on.
                error ??= $"not valid JSON text: {e.Message}";
            }
        }

        if (step == FieldStep.OutOfData)
        {
            return false;
        }

        if (error is not null)
        {
            return true;
        }

        if (fields.Caption.IsNone)
        {
            error = "missing a string \"caption\" field";
            return true;
        }

        if (fields.IdInvalid)
        {
            error = "\"id\" must be a number or a string";
            return true;
        }

        // Fields all in ASCII (nearly every record) are valid UTF-8: one vectorized check for all of them.
        if (!System.Text.Ascii.IsValid(batch.AppendedSince(mark)))
        {
            foreach (ByteRange field in fields.Ranges())
            {
                if (Utf8Text.FirstInvalid(batch.Bytes(field)) is var at and >= 0)
                {
                    error = $"not valid UTF-8 (byte {at + 1} of a field)";
                    return true;
                }
            }
        }

        // Without a file of its own, the record's image file is looked up by its image id when asked for
        // (CaptionBatch.ImageFiles, which the source sets to the same map).
        fields.Commit(batch, index);
        return true;
    }

    /// <summary>
    /// Reads the "images" entry whose first token the reader is on into <paramref name="images"/>; entries without both
    /// an id and a file name are ignored. Returns false when the buffer ends inside it.
    /// </summary>
    public static bool TryReadImage(ref Utf8JsonReader reader, CocoImageFiles images, byte[] scratch)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return reader.TrySkip();
        }

        int idLength = -1;
        string? fileName = null;
        byte[]? id = null;
        FieldStep step;
        while ((step = NextField(ref reader, out JsonField name)) == FieldStep.Field)
        {
            try
            {
                if (name == JsonField.Id && reader.TokenType is JsonTokenType.Number or JsonTokenType.String)
                {
                    idLength = reader.TokenType == JsonTokenType.Number || !reader.ValueIsEscaped ? Copy(reader.ValueSpan, scratch) : reader.CopyString(scratch);
                    id = scratch.AsSpan(0, idLength).ToArray();
                }
                else if (name == JsonField.FileName)
                {
                    fileName = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
            }
            catch (InvalidOperationException)
            {
                // Not valid text: the entry is ignored as one without a usable file name.
                fileName = null;
            }
            catch (ArgumentException)
            {
                // An id longer than any image id: ignored.
                id = null;
            }
        }

        if (step == FieldStep.OutOfData)
        {
            return false;
        }

        if (id is not null && fileName is not null)
        {
            images.Add(id, System.Text.Encoding.UTF8.GetBytes(fileName));
        }

        return true;
    }

    private static int Copy(ReadOnlySpan<byte> value, byte[] scratch)
    {
        value.CopyTo(scratch);
        return value.Length;
    }

    /// <summary>
    /// Moves to the next field's value (a nested value is skipped to its end, so the reader is on its last token):
    /// <see cref="FieldStep.Field"/> with its name, <see cref="FieldStep.ObjectEnd"/> at the object's end, or
    /// <see cref="FieldStep.OutOfData"/> when the buffer ends first.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static FieldStep NextField(ref Utf8JsonReader reader, out JsonField name)
    {
        name = JsonField.Other;
        if (!reader.Read())
        {
            return FieldStep.OutOfData;
        }

        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return FieldStep.ObjectEnd;
        }

        name = JsonFieldNames.Of(ref reader);
        return reader.Read() && reader.TrySkip() ? FieldStep.Field : FieldStep.OutOfData;
    }

    private enum FieldStep
    {
        Field,
        ObjectEnd,
        OutOfData,
    }
}
