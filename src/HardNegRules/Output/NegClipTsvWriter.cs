using System.Globalization;
using System.Text;

namespace HardNegRules.Output;

/// <summary>
/// Writes negatives as the training TSV of NegCLIP and its open_clip fork: a header, then per caption an index, the
/// caption (<c>title</c>), its image (<c>filepath</c>) and its negatives as a Python list literal (<c>neg_caption</c>),
/// the layout pandas writes and NegCLIP's loader evaluates. Captions without negatives are not written: NegCLIP draws
/// one negative per sample and cannot take an empty list.
/// </summary>
public sealed class NegClipTsvWriter
{
    private readonly TextWriter _writer;
    private long _index;

    /// <summary>Writes to <paramref name="writer"/>, starting with the header.</summary>
    /// <param name="writer">The output; not closed by this writer.</param>
    public NegClipTsvWriter(TextWriter writer)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _writer.Write("\ttitle\tfilepath\tneg_caption\n");
    }

    /// <summary>Writes one caption's row; returns false (and writes nothing) when it has no negative.</summary>
    /// <param name="caption">The caption.</param>
    /// <param name="filepath">Its image's path as the trainer will open it; empty when unknown.</param>
    /// <param name="negatives">Its negatives.</param>
    /// <returns>Whether a row was written.</returns>
    public bool Write(string caption, string filepath, IReadOnlyList<HardNegative> negatives)
    {
        string? row = Row(caption, filepath, negatives);
        if (row is not null)
        {
            WriteRow(row);
        }

        return row is not null;
    }

    /// <summary>
    /// A caption's row without its index (<c>title</c>, <c>filepath</c>, <c>neg_caption</c>, tab-separated, no line
    /// break), or null when it has no negative. Rows can be made on many threads and written in order with <see cref="WriteRow"/>.
    /// </summary>
    /// <param name="caption">The caption.</param>
    /// <param name="filepath">Its image's path as the trainer will open it; empty when unknown.</param>
    /// <param name="negatives">Its negatives.</param>
    /// <returns>The row, or null.</returns>
    public static string? Row(string caption, string filepath, IReadOnlyList<HardNegative> negatives)
    {
        ArgumentNullException.ThrowIfNull(caption);
        ArgumentNullException.ThrowIfNull(filepath);
        ArgumentNullException.ThrowIfNull(negatives);
        if (negatives.Count == 0)
        {
            return null;
        }

        var list = new StringBuilder("[");
        for (int i = 0; i < negatives.Count; i++)
        {
            list.Append(i == 0 ? string.Empty : ", ").Append(PythonString(negatives[i].Text));
        }

        list.Append(']');
        return string.Concat(TsvField(caption), "\t", TsvField(filepath), "\t", TsvField(list.ToString()));
    }

    /// <summary>Writes a row made by <see cref="Row"/>, numbered after the rows written before it.</summary>
    /// <param name="row">The row.</param>
    public void WriteRow(string row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _writer.Write(_index++.ToString(CultureInfo.InvariantCulture));
        _writer.Write('\t');
        _writer.Write(row);
        _writer.Write('\n');
    }

    /// <summary>A string as Python's repr writes it: single quotes unless the text holds one and no double quote.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The literal.</returns>
    public static string PythonString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        char quote = text.Contains('\'', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var literal = new StringBuilder(text.Length + 2).Append(quote);
        foreach (char c in text)
        {
            _ = c switch
            {
                '\\' => literal.Append("\\\\"),
                '\n' => literal.Append("\\n"),
                '\r' => literal.Append("\\r"),
                '\t' => literal.Append("\\t"),
                _ when c == quote => literal.Append('\\').Append(c),
                _ => literal.Append(c),
            };
        }

        return literal.Append(quote).ToString();
    }

    // Quoted as pandas quotes: only fields holding the separator, a quote or a line break, with quotes doubled.
    private static string TsvField(string field) =>
        field.AsSpan().IndexOfAny("\t\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
