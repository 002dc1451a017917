using System.Text.Encodings.Web;
using System.Text.Json;

namespace HardNegRules.Output;

/// <summary>
/// Writes the JSONL contract of hard negatives: one object per caption,
/// <c>{"id": ..., "caption": "...", "negatives": [{"text", "concept", "kind", "rule", "start", "length", "from", "to"}]}</c>,
/// where start and length locate <c>from</c> in the caption in UTF-16 units. A swap also carries the second changed
/// span under "swap". A caption with no negative has an empty list.
/// </summary>
public sealed class NegativeJsonWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Captions stay readable (é, not \u00E9); the output is a data file, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private static readonly byte[] NewLine = [(byte)'\n'];

    private readonly Stream _stream;
    private readonly Utf8JsonWriter _writer;

    /// <summary>Writes records to <paramref name="stream"/>.</summary>
    /// <param name="stream">The output; not closed by this writer.</param>
    public NegativeJsonWriter(Stream stream)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _writer = new Utf8JsonWriter(stream, Options);
    }

    /// <summary>Writes one caption's record as one line.</summary>
    /// <param name="id">The caption's id.</param>
    /// <param name="idIsNumber">Write the id as a JSON number (it must then be one).</param>
    /// <param name="caption">The caption.</param>
    /// <param name="negatives">Its negatives.</param>
    public void Write(string id, bool idIsNumber, string caption, IReadOnlyList<HardNegative> negatives)
    {
        ArgumentNullException.ThrowIfNull(negatives);
        _writer.Reset(_stream);
        _writer.WriteStartObject();
        if (idIsNumber)
        {
            _writer.WritePropertyName("id");
            _writer.WriteRawValue(id, skipInputValidation: false);
        }
        else
        {
            _writer.WriteString("id", id);
        }

        _writer.WriteString("caption", caption);
        _writer.WriteStartArray("negatives");
        foreach (HardNegative negative in negatives)
        {
            WriteNegative(negative);
        }

        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.Flush();
        _stream.Write(NewLine);
    }

    private void WriteNegative(HardNegative negative)
    {
        _writer.WriteStartObject();
        _writer.WriteString("text", negative.Text);
        _writer.WriteString("concept", negative.Concept);
        _writer.WriteString("kind", negative.Kind == NegativeKind.Swap ? "swap" : "replace");
        _writer.WriteString("rule", negative.Rule);
        WriteEdit(negative.Edit);
        if (negative.SwapEdit is { } second)
        {
            _writer.WriteStartObject("swap");
            WriteEdit(second);
            _writer.WriteEndObject();
        }

        _writer.WriteEndObject();
    }

    private void WriteEdit(TermEdit edit)
    {
        _writer.WriteNumber("start", edit.Start);
        _writer.WriteNumber("length", edit.Length);
        _writer.WriteString("from", edit.From);
        _writer.WriteString("to", edit.To);
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();
}
