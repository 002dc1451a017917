using System.Text;

namespace HardNegRules.Training.Evaluation;

/// <summary>A fixed-width text table: first column left-aligned (names), the others right-aligned (numbers).</summary>
internal sealed class PlainTextTable
{
    private readonly string[] _header;
    private readonly List<string[]> _rows = [];

    public PlainTextTable(params string[] header) => _header = header;

    public void AddRow(params string[] cells)
    {
        if (cells.Length != _header.Length)
        {
            throw new ArgumentException($"A row needs {_header.Length} cells; got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    public string Render(string title)
    {
        var widths = _header.Select((cell, column) => _rows.Select(row => row[column].Length).Prepend(cell.Length).Max()).ToArray();
        var text = new StringBuilder();
        text.Append(title).Append('\n');
        AppendRow(text, _header, widths);
        text.Append(string.Join("  ", widths.Select(width => new string('-', width)))).Append('\n');
        foreach (var row in _rows)
        {
            AppendRow(text, row, widths);
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        var padded = cells.Select((cell, column) => column == 0 ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]));
        text.Append(string.Join("  ", padded).TrimEnd()).Append('\n');
    }
}
