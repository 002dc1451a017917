using CsvHelper;

namespace HardNegRules.Data.Loaders;

/// <summary>
/// Reads CSV/TSV files as pandas writes them (RFC 4180 quoting: a field with the separator, a quote or a newline is
/// quoted, quotes doubled), which is how open_clip's and NegCLIP's tables are made. Records with broken quoting are
/// reported with their line and skipped; a missing required column is one error for the file.
/// </summary>
internal static class DelimitedTableReader
{
    public static IEnumerable<DelimitedRow> Read(string path, char separator, IReadOnlyList<string> requiredColumns, DataLoadReport report)
    {
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            report.Add(DataLoadError.InFile(path, $"unreadable: {e.Message}"));
            yield break;
        }

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
            report.Add(DataLoadError.InFile(path, "empty file: expected a header row"));
            yield break;
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
            report.Add(DataLoadError.AtLine(path, 1, $"no column {string.Join(", ", missing.Select(m => $"'{m}'"))} in the header ({found}); is the separator right?"));
            yield break;
        }

        long index = 0;
        while (csv.Read())
        {
            yield return new DelimitedRow(csv.LineNumber, index++, csv.Current.ToArray(), columns);
        }
    }
}
