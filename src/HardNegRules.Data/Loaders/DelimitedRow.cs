namespace HardNegRules.Data.Loaders;

/// <summary>One data row of a CSV/TSV: its line in the file, its 0-based index among data rows, and its fields by header.</summary>
/// <param name="Line">The 1-based line the row starts on (a quoted field may span lines).</param>
/// <param name="Index">The 0-based index of the row among the data rows.</param>
/// <param name="Fields">The row's fields, in header order.</param>
/// <param name="Columns">The header's column index by name.</param>
internal sealed record DelimitedRow(long Line, long Index, string[] Fields, IReadOnlyDictionary<string, int> Columns)
{
    /// <summary>The field of a column, or null when the row is too short for it.</summary>
    public string? this[string column] => Columns.TryGetValue(column, out int i) && i < Fields.Length ? Fields[i] : null;
}
