using CsvHelper;
using HardNegRules.IO;

namespace HardNegRules.Data.Loaders;

/// <summary>
/// Reads CSV/TSV files as pandas writes them (RFC 4180 quoting: a field with the separator, a quote or a newline is
/// quoted, quotes doubled), which is how open_clip's and NegCLIP's tables are made. Records with broken quoting are
/// reported with their line and skipped; an empty file or a missing required column is a <see cref="DataFileException"/>.
/// </summary>
internal static class DelimitedTableReader
{
    public static IEnumerable<DelimitedRow> Read(string path, char separator, IReadOnlyList<string> requiredColumns, DataLoadReport report)
    {
        FileStream stream = InputFile.OpenRead(path);

        var options = new CsvReaderOptions
        {
            Separator = separator,
            Mode = CsvMode.Rfc4180,
            HasHeader = true,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
            // Skipped and reported rather than "recovered": a recovered record has fields shifted into the wrong columns.
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = bad => report.Add(DataLoadError.AtLine(path, bad.LineNumber, $"malformed record ({bad.Reason}): skipped")),
        };
        using CsvReader csv = CsvReader.Create(stream, options, leaveOpen: false);
        IReadOnlyList<string> header = csv.Headers;
        if (header.Count == 0)
        {
            throw new DataFileException(path, 0, 1, "empty file: expected a header row");
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Count; i++)
        {
            columns.TryAdd(header[i].Trim(), i);
        }

        string[] missing = requiredColumns.Where(c => !columns.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            string found = string.Join(", ", header.Select(h => $"'{h}'"));
            throw new DataFileException(path, 0, 1, $"no column {string.Join(", ", missing.Select(m => $"'{m}'"))} in the header ({found}); is the separator right?");
        }

        long index = 0;
        while (csv.Read())
        {
            yield return new DelimitedRow(csv.LineNumber, index++, csv.Current.ToArray(), columns);
        }
    }
}
