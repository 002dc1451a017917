using System.Globalization;

namespace HardNegRules.Data.Loaders;

/// <summary>A record a loader could not read, with where it is.</summary>
/// <param name="Path">The file.</param>
/// <param name="Line">The 1-based line, for line-based formats (text, CSV/TSV, JSONL); else null.</param>
/// <param name="Record">The 0-based record index, for formats without lines per record (JSON arrays, parquet rows); else null.</param>
/// <param name="Message">What is wrong.</param>
public sealed record DataLoadError(string Path, long? Line, long? Record, string Message)
{
    /// <summary>An error at a line of a line-based file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="message">What is wrong.</param>
    /// <returns>The error.</returns>
    public static DataLoadError AtLine(string path, long line, string message) => new(path, line, null, message);

    /// <summary>An error at a record of a file without lines per record.</summary>
    /// <param name="path">The file.</param>
    /// <param name="record">The 0-based record index.</param>
    /// <param name="message">What is wrong.</param>
    /// <returns>The error.</returns>
    public static DataLoadError AtRecord(string path, long record, string message) => new(path, null, record, message);

    /// <summary>An error about a whole file (missing, unreadable, wrong shape).</summary>
    /// <param name="path">The file.</param>
    /// <param name="message">What is wrong.</param>
    /// <returns>The error.</returns>
    public static DataLoadError InFile(string path, string message) => new(path, null, null, message);

    /// <inheritdoc />
    public override string ToString() =>
        Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"{Path}({line}): {Message}")
        : Record is { } record ? string.Create(CultureInfo.InvariantCulture, $"{Path}[record {record}]: {Message}")
        : $"{Path}: {Message}";
}
