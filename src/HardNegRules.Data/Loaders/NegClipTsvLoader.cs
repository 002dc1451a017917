namespace HardNegRules.Data.Loaders;

/// <summary>
/// Reads NegCLIP's training TSV (open_clip fork): columns title, filepath and neg_caption (a Python list literal of
/// negative captions), in any order among other columns (NegCLIP's own files also have a pandas index and neg_image).
/// </summary>
public static class NegClipTsvLoader
{
    /// <summary>The negatives column.</summary>
    public const string NegativesColumn = "neg_caption";

    /// <summary>The rows, in file order.</summary>
    /// <param name="path">The TSV file.</param>
    /// <param name="report">Where rows without a caption or image, or with an unreadable negatives list, are reported.</param>
    /// <param name="imageRoot">The folder image paths are relative to; null keeps them as written.</param>
    /// <param name="separator">The separator (tab for NegCLIP's files).</param>
    /// <param name="allowAbsolutePaths">Accept absolute image paths (see <see cref="DataRoot"/>).</param>
    /// <returns>The rows.</returns>
    /// <exception cref="DataFileException">The file is empty or its header lacks a required column.</exception>
    public static IEnumerable<NegClipRecord> Read(string path, DataLoadReport report, string? imageRoot = null, char separator = '\t', bool allowAbsolutePaths = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(report);
        var options = new DelimitedTableOptions { Separator = separator, ImageRoot = imageRoot, AllowAbsolutePaths = allowAbsolutePaths };
        var root = new DataRoot(imageRoot, allowAbsolutePaths);
        foreach (DelimitedRow row in DelimitedTableReader.Read(path, separator, [options.CaptionColumn, options.ImageColumn, NegativesColumn], report))
        {
            if (CaptionTableLoader.ToPair(path, row, options, root, report) is not { } pair)
            {
                continue;
            }

            if (!PythonListLiteral.TryParse(row[NegativesColumn] ?? string.Empty, out IReadOnlyList<string> negatives, out string? error))
            {
                report.Add(DataLoadError.AtLine(path, row.Line, $"'{NegativesColumn}': {error}"));
                continue;
            }

            report.CountRecord();
            yield return new NegClipRecord(pair, negatives);
        }
    }
}
