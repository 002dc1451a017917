namespace HardNegRules.Data.Loaders;

/// <summary>How a CSV/TSV of image-caption pairs is laid out (open_clip's <c>--csv-separator</c>, <c>--csv-img-key</c>, <c>--csv-caption-key</c>).</summary>
public sealed record DelimitedTableOptions
{
    /// <summary>The field separator: tab (open_clip's default) or comma.</summary>
    public char Separator { get; init; } = '\t';

    /// <summary>The header of the image path column.</summary>
    public string ImageColumn { get; init; } = "filepath";

    /// <summary>The header of the caption column.</summary>
    public string CaptionColumn { get; init; } = "title";

    /// <summary>The folder image paths are relative to; null keeps them as written.</summary>
    public string? ImageRoot { get; init; }

    /// <summary>Accept absolute image paths (see <see cref="DataRoot"/>); by default they are reported and skipped.</summary>
    public bool AllowAbsolutePaths { get; init; }
}
