namespace HardNegRules.Data.Captions;

/// <summary>One caption read from a file.</summary>
/// <param name="Id">Its id: the record's "id" (a COCO annotation id, a JSONL "id"), else its line number.</param>
/// <param name="Caption">The caption text.</param>
/// <param name="ImageId">The image it describes, when the file says (COCO "image_id", JSONL "image_id" or "image"); else null.</param>
/// <param name="IdIsNumber">Whether the id was written as a JSON number (so it is written back as one).</param>
/// <param name="ImageFile">The image's file, when the file says (COCO "images"[].file_name, JSONL "filepath" or "file_name").</param>
public sealed record CaptionRecord(string Id, string Caption, string? ImageId = null, bool IdIsNumber = false, string? ImageFile = null);

/// <summary>A record that could not be read, with where it is.</summary>
/// <param name="Path">The file.</param>
/// <param name="Line">The 1-based line (in a COCO JSON, where the annotation starts; its message also names its index, since such files are often one line); 0 when unknown.</param>
/// <param name="Message">What is wrong.</param>
public sealed record CaptionReadError(string Path, long Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{Path}({Line}): {Message}" : $"{Path}: {Message}";
}

/// <summary>The formats captions are read from.</summary>
public enum CaptionFormat
{
    /// <summary>Plain text, one caption per line; empty lines are skipped; id = line number.</summary>
    Text,

    /// <summary>JSON lines, each an object with a "caption" field and optionally "id" and "image_id".</summary>
    Jsonl,

    /// <summary>A COCO captions file: {"images": [{"id", "file_name"}], "annotations": [{"id", "image_id", "caption"}]}, streamed.</summary>
    Coco,
}
