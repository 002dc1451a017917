using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using HardNegRules.Permutation;

namespace HardNegRules.Negatives;

/// <summary>
/// Turns a batch of UTF-8 caption records into output bytes on one thread: each caption is transcoded once into a
/// reused UTF-16 buffer, permuted on spans into reused buffers, and written with a reused <see cref="Utf8JsonWriter"/>
/// (names and provenance strings encoded once per run), so a caption costs no allocation beyond its negatives' bytes
/// in the output. One formatter per worker thread; the permuter is shared.
/// </summary>
public sealed class NegativesFormatter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Captions stay readable (é, not \u00E9); the output is a data file, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText CaptionName = JsonEncodedText.Encode("caption");
    private static readonly JsonEncodedText NegativesName = JsonEncodedText.Encode("negatives");
    private static readonly JsonEncodedText TextName = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText ConceptName = JsonEncodedText.Encode("concept");
    private static readonly JsonEncodedText KindName = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText RuleName = JsonEncodedText.Encode("rule");
    private static readonly JsonEncodedText StartName = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText LengthName = JsonEncodedText.Encode("length");
    private static readonly JsonEncodedText FromName = JsonEncodedText.Encode("from");
    private static readonly JsonEncodedText ToName = JsonEncodedText.Encode("to");
    private static readonly JsonEncodedText SwapName = JsonEncodedText.Encode("swap");
    private static readonly JsonEncodedText ReplaceKind = JsonEncodedText.Encode("replace");
    private static readonly JsonEncodedText SwapKind = JsonEncodedText.Encode("swap");

    private readonly RulePermuter _permuter;
    private readonly PermuterTables _tables;
    private readonly NegativesJobOptions _options;
    private readonly JsonEncodedText[] _concepts;
    private readonly JsonEncodedText[] _rules;
    private readonly JsonEncodedText[] _swapRules;
    private readonly byte[] _imageRoot;
    private readonly int _k;
    private readonly NegativeSpan[] _results;
    private readonly TermMatch[] _matches = new TermMatch[RulePermuter.MaxMatches];
    private char[] _caption = new char[1024];
    private char[] _text = new char[4096];
    private char[] _id = new char[64];
    private byte[] _scratch = new byte[1024];
    private Utf8JsonWriter? _writer;

    /// <summary>A formatter for one worker thread.</summary>
    /// <param name="permuter">The permuter (shared, immutable).</param>
    /// <param name="options">The job's options.</param>
    public NegativesFormatter(RulePermuter permuter, NegativesJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(permuter);
        ArgumentNullException.ThrowIfNull(options);
        _permuter = permuter;
        _tables = permuter.Tables;
        _options = options;
        _concepts = [.. _tables.ConceptNames.Select(n => JsonEncodedText.Encode(n, JavaScriptEncoder.UnsafeRelaxedJsonEscaping))];
        _rules = [.. _tables.RuleNames.Select(n => JsonEncodedText.Encode(n, JavaScriptEncoder.UnsafeRelaxedJsonEscaping))];
        _swapRules = [.. _tables.SwapRuleNames.Select(n => JsonEncodedText.Encode(n, JavaScriptEncoder.UnsafeRelaxedJsonEscaping))];
        _imageRoot = Encoding.UTF8.GetBytes(options.ImageRoot);
        _k = Math.Min(options.K, _tables.MaxNegatives > 0 ? _tables.MaxNegatives : int.MaxValue);
        _k = Math.Min(_k, 256);
        _results = new NegativeSpan[Math.Max(_k, 1)];
    }

    /// <summary>Formats every record of <paramref name="batch"/> into <paramref name="chunk"/> (cleared first).</summary>
    /// <param name="batch">The records.</param>
    /// <param name="chunk">Receives the output and counts.</param>
    /// <exception cref="CaptionInputException">NegCLIP output was asked for a record without an image file.</exception>
    public void Format(CaptionBatch batch, FormattedChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(chunk);
        chunk.Clear();
        bool json = _options.Format == NegativesFormat.Jsonl;
        Utf8JsonWriter? writer = null;
        if (json)
        {
            writer = _writer ??= new Utf8JsonWriter(chunk.Bytes, WriterOptions);
            writer.Reset(chunk.Bytes);
        }

        for (int i = 0; i < batch.Count; i++)
        {
            ReadOnlySpan<byte> captionUtf8 = batch.Caption(i);
            ReadOnlySpan<char> caption = Decode(captionUtf8, ref _caption);
            ReadOnlySpan<char> id = Decode(batch.Id(i), ref _id);
            NegativeSeed seed = NegativeSeed.For(_options.Seed, id, _options.Epoch);
            int textRoom = (caption.Length + (2 * _tables.MaxFormLength) + 8) * Math.Max(_k, 1);
            if (_text.Length < textRoom)
            {
                _text = new char[Math.Max(textRoom, _text.Length * 2)];
            }

            int count = _k == 0 ? 0 : _permuter.Permute(caption, _k, seed, _text, _results, _options.ConceptMask);
            chunk.Captions++;
            chunk.Negatives += count;
            chunk.WithNegatives += count > 0 ? 1 : 0;
            if (json)
            {
                WriteJson(writer!, chunk.Bytes, batch, i, captionUtf8, caption, count);
                chunk.EndRow(0);
            }
            else if (count > 0)
            {
                WriteTsvRow(chunk, batch, i, caption, count);
            }
        }
    }

    private static ReadOnlySpan<char> Decode(ReadOnlySpan<byte> utf8, ref char[] buffer)
    {
        if (buffer.Length < utf8.Length)
        {
            buffer = new char[Math.Max(utf8.Length, buffer.Length * 2)];
        }

        // Readers hand on only valid UTF-8, so this never replaces anything.
        _ = Utf8.ToUtf16(utf8, buffer, out _, out int written, replaceInvalidSequences: true);
        return buffer.AsSpan(0, written);
    }

    private void WriteJson(Utf8JsonWriter writer, ArrayBufferWriter<byte> output, CaptionBatch batch, int record,
        ReadOnlySpan<byte> captionUtf8, ReadOnlySpan<char> caption, int count)
    {
        writer.WriteStartObject();
        if (batch.IdIsNumber(record))
        {
            writer.WritePropertyName(IdName);
            writer.WriteRawValue(batch.Id(record), skipInputValidation: true);
        }
        else
        {
            writer.WriteString(IdName, batch.Id(record));
        }

        writer.WriteString(CaptionName, captionUtf8);
        writer.WriteStartArray(NegativesName);
        Span<char> to = stackalloc char[Math.Min(_tables.MaxFormLength, 512)];
        for (int n = 0; n < count; n++)
        {
            ref readonly NegativeSpan negative = ref _results[n];
            writer.WriteStartObject();
            writer.WriteString(TextName, _text.AsSpan(negative.TextStart, negative.TextLength));
            writer.WriteString(ConceptName, _concepts[negative.Concept]);
            bool swap = negative.Kind == NegativeKind.Swap;
            writer.WriteString(KindName, swap ? SwapKind : ReplaceKind);
            writer.WriteString(RuleName, swap ? _swapRules[negative.Concept] : _rules[negative.First.Term]);
            WriteEdit(writer, caption, negative.First, swap ? negative.Second.Term : negative.FirstTo, to);
            if (swap)
            {
                writer.WriteStartObject(SwapName);
                WriteEdit(writer, caption, negative.Second, negative.First.Term, to);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        output.GetSpan(1)[0] = (byte)'\n';
        output.Advance(1);
        writer.Reset();
    }

    private void WriteEdit(Utf8JsonWriter writer, ReadOnlySpan<char> caption, TermMatch match, int toTerm, Span<char> to)
    {
        writer.WriteNumber(StartName, match.Start);
        writer.WriteNumber(LengthName, match.Length);
        ReadOnlySpan<char> from = caption.Slice(match.Start, match.Length);
        writer.WriteString(FromName, from);
        string form = _tables.Form(toTerm, match.Form) ?? string.Empty;
        Span<char> cased = form.Length <= to.Length ? to[..form.Length] : new char[form.Length];
        ReplacementCasing.CopyCased(from, form, cased);
        writer.WriteString(ToName, cased);
    }

    private void WriteTsvRow(FormattedChunk chunk, CaptionBatch batch, int record, ReadOnlySpan<char> caption, int count)
    {
        if (!batch.HasImageFile(record))
        {
            throw new CaptionInputException(
                $"record {Encoding.UTF8.GetString(batch.Id(record))} has no image file: --format negclip needs each caption's image " +
                "(COCO \"images\" with \"file_name\", or \"filepath\"/\"file_name\" in JSONL).");
        }

        ArrayBufferWriter<byte> output = chunk.Bytes;
        TsvText.WriteField(output, batch.Caption(record));
        Put(output, (byte)'\t');
        ReadOnlySpan<byte> file = batch.ImageFile(record);
        int pathLength = _imageRoot.Length + file.Length;
        if (_scratch.Length < pathLength)
        {
            _scratch = new byte[Math.Max(pathLength, _scratch.Length * 2)];
        }

        _imageRoot.CopyTo(_scratch);
        file.CopyTo(_scratch.AsSpan(_imageRoot.Length));
        TsvText.WriteField(output, _scratch.AsSpan(0, pathLength));
        Put(output, (byte)'\t');
        int listLength = 2;
        for (int n = 0; n < count; n++)
        {
            listLength += (2 * Encoding.UTF8.GetMaxByteCount(_results[n].TextLength)) + 4;
        }

        if (_scratch.Length < listLength)
        {
            _scratch = new byte[Math.Max(listLength, _scratch.Length * 2)];
        }

        int used = 0;
        _scratch[used++] = (byte)'[';
        for (int n = 0; n < count; n++)
        {
            if (n > 0)
            {
                _scratch[used++] = (byte)',';
                _scratch[used++] = (byte)' ';
            }

            used += PythonLiteral.WriteString(_text.AsSpan(_results[n].TextStart, _results[n].TextLength), _scratch.AsSpan(used));
        }

        _scratch[used++] = (byte)']';
        TsvText.WriteField(output, _scratch.AsSpan(0, used));
        int terms = _permuter.FindTerms(caption, _matches, _options.ConceptMask);
        for (int t = 0; t < terms; t++)
        {
            chunk.AddTerm(_matches[t].Term);
        }

        chunk.EndRow(ImageKeys.Of(file));
    }

    private static void Put(ArrayBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}
