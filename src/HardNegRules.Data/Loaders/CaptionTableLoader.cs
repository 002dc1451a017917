namespace HardNegRules.Data.Loaders;

/// <summary>
/// Reads open_clip's CSV/TSV training format: a header row, one image-caption pair a row, the image path and caption
/// in named columns (<see cref="DelimitedTableOptions"/>); other columns are ignored.
/// </summary>
public static class CaptionTableLoader
{
    /// <summary>The pairs, in file order.</summary>
    /// <param name="path">The CSV/TSV file.</param>
    /// <param name="options">Separator and column names.</param>
    /// <param name="report">Where rows without an image path or caption are reported (with their line).</param>
    /// <returns>The pairs; their <see cref="ImageCaptionPair.Id"/> is the row's 0-based index among the data rows.</returns>
    /// <exception cref="DataFileException">The file is empty or its header lacks a required column.</exception>
    public static IEnumerable<ImageCaptionPair> Read(string path, DelimitedTableOptions options, DataLoadReport report)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        var root = new DataRoot(options.ImageRoot, options.AllowAbsolutePaths);
        foreach (DelimitedRow row in DelimitedTableReader.Read(path, options.Separator, [options.ImageColumn, options.CaptionColumn], report))
        {
            if (ToPair(path, row, options, root, report) is { } pair)
            {
                report.CountRecord();
                yield return pair;
            }
        }
    }

    /// <summary>The pair of a row, or null (reported) when its image path or caption is empty.</summary>
    internal static ImageCaptionPair? ToPair(string path, DelimitedRow row, DelimitedTableOptions options, DataRoot root, DataLoadReport report)
    {
        string? imagePath = null;
        string image = row[options.ImageColumn]?.Trim() ?? string.Empty;
        string caption = row[options.CaptionColumn]?.Trim() ?? string.Empty;
        string? problem = row.Fields.Length < row.Columns.Count ? $"expected {row.Columns.Count} fields, found {row.Fields.Length}"
            : image.Length == 0 ? $"empty '{options.ImageColumn}'"
            : caption.Length == 0 ? $"empty '{options.CaptionColumn}'"
            : (imagePath = root.Resolve(image, out string? outside)) is null ? $"'{options.ImageColumn}': {outside}"
            : null;
        if (problem is not null)
        {
            report.Add(DataLoadError.AtLine(path, row.Line, problem));
            return null;
        }

        var reference = ImageReference.FromFile(imagePath!);
        return new ImageCaptionPair(row.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), caption, reference);
    }
}
