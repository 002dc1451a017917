using System.Text.Json;
using System.Runtime.CompilerServices;

namespace HardNegRules.Data.Captions;

/// <summary>The fields caption records are read from, in JSONL lines and COCO elements alike.</summary>
internal enum JsonField
{
    Other,
    Caption,
    Id,
    ImageId,
    Image,
    Filepath,
    FileName,
}

/// <summary>Names a property token without making a string of it.</summary>
internal static class JsonFieldNames
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static JsonField Of(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            // The common case: a name written as it is.
            return Of(reader.ValueSpan);
        }

        return reader.ValueTextEquals("caption"u8) ? JsonField.Caption
            : reader.ValueTextEquals("id"u8) ? JsonField.Id
            : reader.ValueTextEquals("image_id"u8) ? JsonField.ImageId
            : reader.ValueTextEquals("image"u8) ? JsonField.Image
            : reader.ValueTextEquals("filepath"u8) ? JsonField.Filepath
            : reader.ValueTextEquals("file_name"u8) ? JsonField.FileName
            : JsonField.Other;
    }

    /// <summary>Names a property from its unescaped UTF-8 text, told apart by its length first.</summary>
    /// <param name="name">The name's text.</param>
    /// <returns>The field.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static JsonField Of(ReadOnlySpan<byte> name) => name.Length switch
    {
        7 when name.SequenceEqual("caption"u8) => JsonField.Caption,
        2 when name.SequenceEqual("id"u8) => JsonField.Id,
        8 when name.SequenceEqual("image_id"u8) => JsonField.ImageId,
        5 when name.SequenceEqual("image"u8) => JsonField.Image,
        8 when name.SequenceEqual("filepath"u8) => JsonField.Filepath,
        9 when name.SequenceEqual("file_name"u8) => JsonField.FileName,
        _ => JsonField.Other,
    };
}
