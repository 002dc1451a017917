using System.Globalization;
using System.Text;

namespace HardNegRules.Training.Evaluation;

/// <summary>
/// The one table of evaluation results: in <c>hardneg eval</c> a row per (suite, group, measure), a column per model
/// (percent), and with two models a column with the difference (second minus first, in points); in
/// <c>hardneg experiment</c> a row per test and concept, a column per run. Rendered as Markdown here; the console prints
/// the same cells.
/// </summary>
public sealed class EvaluationTable
{
    private EvaluationTable(IReadOnlyList<string> header, IReadOnlyList<string[]> rows, int numericFrom)
    {
        Header = header;
        Rows = rows;
        NumericFrom = numericFrom;
    }

    /// <summary>The column titles.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The cells, one array per row, in the order of the first model's rows (rows only another model has follow).</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>The index of the first right-aligned (number) column.</summary>
    public int NumericFrom { get; }

    /// <summary>Lines up the rows of one or more models.</summary>
    /// <param name="models">The models' names, one per column.</param>
    /// <param name="rows">Each model's rows, in the same order as <paramref name="models"/>.</param>
    /// <returns>The table.</returns>
    public static EvaluationTable Build(IReadOnlyList<string> models, IReadOnlyList<IReadOnlyList<EvaluationRow>> rows)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(rows);
        if (models.Count != rows.Count || models.Count == 0)
        {
            throw new ArgumentException("One list of rows per model, and at least one model.", nameof(rows));
        }
        var byKey = rows.Select(list => list.GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)).ToList();
        var order = new List<EvaluationRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (EvaluationRow row in rows.SelectMany(list => list))
        {
            if (seen.Add(row.Key))
            {
                order.Add(row);
            }
        }
        bool difference = models.Count == 2;
        List<string> header = ["suite", "group", "measure", "items", .. models.Select(m => $"{m} %")];
        if (difference)
        {
            header.Add("difference");
        }
        var cells = new List<string[]>();
        foreach (EvaluationRow row in order)
        {
            EvaluationRow?[] values = [.. byKey.Select(d => d.GetValueOrDefault(row.Key))];
            List<string> line = [row.Suite, row.Group, row.Measure, Count(values.FirstOrDefault(v => v?.Items is not null)?.Items), .. values.Select(v => Percent(v?.Value))];
            if (difference)
            {
                line.Add(values[0]?.Value is { } a && values[1]?.Value is { } b ? (100 * (b - a)).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "-");
            }
            cells.Add([.. line]);
        }
        return new EvaluationTable(header, cells, 3);
    }

    /// <summary>A table of runs side by side: the key columns, then a column per run (percent), no counts or differences.</summary>
    /// <param name="keyHeader">The titles of the key columns.</param>
    /// <param name="runs">The runs' names, one per column.</param>
    /// <param name="rows">Each row's keys (one per key column) and value per run (a fraction, or null when absent).</param>
    /// <returns>The table.</returns>
    public static EvaluationTable ByRun(IReadOnlyList<string> keyHeader, IReadOnlyList<string> runs,
        IEnumerable<(IReadOnlyList<string> Keys, IReadOnlyList<double?> Values)> rows)
    {
        ArgumentNullException.ThrowIfNull(keyHeader);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(rows);
        List<string[]> cells = [.. rows.Select(row => (string[])[.. row.Keys, .. row.Values.Select(Percent)])];
        return new EvaluationTable([.. keyHeader, .. runs], cells, keyHeader.Count);
    }

    /// <summary>The table as GitHub Markdown.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append("| ").AppendJoin(" | ", Header).Append(" |\n|");
        for (int c = 0; c < Header.Count; c++)
        {
            md.Append(c >= NumericFrom ? "---:|" : "---|");
        }
        md.Append('\n');
        foreach (string[] row in Rows)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(cell => cell.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |\n");
        }
        return md.ToString();
    }

    /// <summary>A fraction as a percentage with one decimal, or "-" when absent.</summary>
    /// <param name="value">The fraction.</param>
    /// <returns>The text.</returns>
    public static string Percent(double? value) =>
        value is { } v && double.IsFinite(v) ? (100 * v).ToString("0.0", CultureInfo.InvariantCulture) : "-";

    private static string Count(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
