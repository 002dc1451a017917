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
    public static JsonField Of(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("caption"u8) ? JsonField.Caption
        : reader.ValueTextEquals("id"u8) ? JsonField.Id
        : reader.ValueTextEquals("image_id"u8) ? JsonField.ImageId
        : reader.ValueTextEquals("image"u8) ? JsonField.Image
        : reader.ValueTextEquals("filepath"u8) ? JsonField.Filepath
        : reader.ValueTextEquals("file_name"u8) ? JsonField.FileName
        : JsonField.Other;
}
