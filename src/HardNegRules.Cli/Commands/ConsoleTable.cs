using HardNegRules.Training.Evaluation;

namespace HardNegRules.Cli.Commands;

/// <summary>An evaluation table on the console: the library's cells, number columns right-aligned.</summary>
internal static class ConsoleTable
{
    /// <summary>The Spectre.Console table of <paramref name="cells"/>.</summary>
    /// <param name="cells">The table.</param>
    /// <returns>The console table.</returns>
    public static Table Of(EvaluationTable cells)
    {
        var table = new Table();
        for (int c = 0; c < cells.Header.Count; c++)
        {
            var column = new TableColumn(Markup.Escape(cells.Header[c]));
            table.AddColumn(c >= cells.NumericFrom ? column.RightAligned() : column);
        }
        foreach (string[] row in cells.Rows)
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }
        return table;
    }
}
