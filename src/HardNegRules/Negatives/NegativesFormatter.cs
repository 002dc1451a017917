using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using HardNegRules.Permutation;
using System.Runtime.CompilerServices;

namespace HardNegRules.Negatives;

/// <summary>
/// Turns a batch of UTF-8 caption records into output bytes on one thread: each caption is transcoded once into a
/// reused UTF-16 buffer, permuted on spans into reused buffers, and written straight into the chunk's buffer (the fixed
/// parts of each record and each rule's provenance encoded once per run, strings copied unless they need escaping), so
/// a caption costs no allocation beyond its negatives' bytes in the output. The bytes are those of the reference
/// writer, <see cref="Output.NegativeJsonWriter"/>. One formatter per worker thread; the permuter is shared.
/// </summary>
public sealed class NegativesFormatter
{
    private readonly IPermuter _permuter;
    private readonly PermuterTables _tables;
    private readonly NegativesJobOptions _options;
    private readonly byte[][] _replaceHeads;
    private readonly byte[][] _swapHeads;
    private readonly int _longestHead;
    private readonly JsonLineWriter _json = new();
    private readonly byte[] _imageRoot;
    private readonly int _k;
    private readonly NegativeSpan[] _results;
    private readonly TermMatch[] _matches = new TermMatch[RulePermuter.MaxMatches];
    private char[] _caption = new char[1024];
    private char[] _text = new char[4096];
    private char[] _id = new char[64];
    private byte[] _scratch = new byte[1024];

    /// <summary>A formatter for one worker thread.</summary>
    /// <param name="permuter">The permuter (shared, immutable).</param>
    /// <param name="options">The job's options.</param>
    public NegativesFormatter(IPermuter permuter, NegativesJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(permuter);
        ArgumentNullException.ThrowIfNull(options);
        _permuter = permuter;
        _tables = PermuterTables.Of(permuter.CompiledPack);
        _options = options;
        // What follows a negative's text up to its first edit, for each rule: its concept, kind and rule, encoded once.
        _replaceHeads = [.. _tables.RuleNames.Select((rule, term) => Head(_tables.ConceptNames[_tables.TermConcept[term]], "replace", rule))];
        _swapHeads = [.. _tables.SwapRuleNames.Select((rule, concept) => Head(_tables.ConceptNames[concept], "swap", rule))];
        _longestHead = _replaceHeads.Concat(_swapHeads).Select(h => h.Length).DefaultIfEmpty(0).Max();
        _imageRoot = Encoding.UTF8.GetBytes(options.ImageRoot);
        _k = Math.Min(options.K, _tables.MaxNegatives > 0 ? _tables.MaxNegatives : int.MaxValue);
        _k = Math.Min(_k, 256);
        _results = new NegativeSpan[Math.Max(_k, 1)];
    }

    /// <summary>Formats every record of <paramref name="batch"/> into <paramref name="chunk"/> (cleared first).</summary>
    /// <param name="batch">The records.</param>
    /// <param name="chunk">Receives the output and counts.</param>
    /// <exception cref="CaptionInputException">NegCLIP output was asked for a record without an image file.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Format(CaptionBatch batch, FormattedChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(chunk);
        chunk.Clear();
        bool json = _options.Format == NegativesFormat.Jsonl;

        for (int i = 0; i < batch.Count; i++)
        {
            ReadOnlySpan<byte> captionUtf8 = batch.Caption(i);
            ReadOnlySpan<char> caption = Decode(captionUtf8, ref _caption);
            ReadOnlySpan<byte> id = batch.Id(i);
            NegativeSeed seed = System.Text.Ascii.IsValid(id)
                ? NegativeSeed.ForAscii(_options.Seed, id, _options.Epoch)
                : NegativeSeed.For(_options.Seed, Decode(id, ref _id), _options.Epoch);
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
                WriteJson(chunk.Bytes, batch, i, captionUtf8, caption, count);
                chunk.EndRow(0);
            }
            else if (count > 0)
            {
                WriteTsvRow(chunk, batch, i, caption, count);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteJson(ArrayBufferWriter<byte> output, CaptionBatch batch, int record, ReadOnlySpan<byte> captionUtf8,
        ReadOnlySpan<char> caption, int count)
    {
        // The same bytes as the reference writer (NegativeJsonWriter) gives for the same record, written into one span
        // reserved for the record's longest possible form.
        ReadOnlySpan<byte> id = batch.Id(record);
        int most = 64 + (JsonLineWriter.MaxBytesPerByte * (id.Length + captionUtf8.Length));
        for (int n = 0; n < count; n++)
        {
            ref readonly NegativeSpan negative = ref _results[n];
            int edited = negative.First.Length + negative.Second.Length + (2 * _tables.MaxFormLength);
            most += 256 + _longestHead + (JsonLineWriter.MaxBytesPerChar * (negative.TextLength + edited));
        }

        Span<byte> line = output.GetSpan(most);
        int at = JsonLineWriter.Raw(line, "{\"id\":"u8);
        at += batch.IdIsNumber(record) ? JsonLineWriter.Raw(line[at..], id) : _json.String(line[at..], id);
        at += JsonLineWriter.Raw(line[at..], ",\"caption\":"u8);
        // A caption of plain ASCII (nearly all) is its own UTF-8 and needs no escaping, nor does any part of it.
        bool plain = captionUtf8.Length == caption.Length && JsonLineWriter.IsPlain(captionUtf8);
        ReadOnlySpan<byte> plainCaption = plain ? captionUtf8 : default;
        at += plain ? JsonLineWriter.Quoted(line[at..], captionUtf8) : _json.String(line[at..], captionUtf8);
        at += JsonLineWriter.Raw(line[at..], ",\"negatives\":["u8);
        Span<char> to = stackalloc char[Math.Min(_tables.MaxFormLength, 512)];
        for (int n = 0; n < count; n++)
        {
            ref readonly NegativeSpan negative = ref _results[n];
            at += JsonLineWriter.Raw(line[at..], n == 0 ? "{\"text\":"u8 : ",{\"text\":"u8);
            at += _json.String(line[at..], _text.AsSpan(negative.TextStart, negative.TextLength));
            bool swap = negative.Kind == NegativeKind.Swap;
            at += JsonLineWriter.Raw(line[at..], swap ? _swapHeads[negative.Concept] : _replaceHeads[negative.First.Term]);
            line[at++] = (byte)',';
            if (swap)
            {
                // A swap moves each text as written: each edit's "to" is the other's "from".
                at += WriteSwapEdit(line[at..], caption, plainCaption, negative.First, negative.Second);
                at += JsonLineWriter.Raw(line[at..], ",\"swap\":{"u8);
                at += WriteSwapEdit(line[at..], caption, plainCaption, negative.Second, negative.First);
                line[at++] = (byte)'}';
            }
            else
            {
                at += WriteEdit(line[at..], caption, plainCaption, negative.First, negative.FirstTo, to);
            }

            line[at++] = (byte)'}';
        }

        at += JsonLineWriter.Raw(line[at..], "]}\n"u8);
        output.Advance(at);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int WriteSwapEdit(Span<byte> line, ReadOnlySpan<char> caption, ReadOnlySpan<byte> plainCaption, TermMatch match, TermMatch other)
    {
        int at = WriteSpan(line, caption, plainCaption, match);
        at += JsonLineWriter.Raw(line[at..], ",\"to\":"u8);
        at += plainCaption.IsEmpty
            ? _json.String(line[at..], caption.Slice(other.Start, other.Length))
            : JsonLineWriter.Quoted(line[at..], plainCaption.Slice(other.Start, other.Length));
        return at;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int WriteSpan(Span<byte> line, ReadOnlySpan<char> caption, ReadOnlySpan<byte> plainCaption, TermMatch match)
    {
        int at = JsonLineWriter.Raw(line, "\"start\":"u8);
        at += JsonLineWriter.Number(line[at..], match.Start);
        at += JsonLineWriter.Raw(line[at..], ",\"length\":"u8);
        at += JsonLineWriter.Number(line[at..], match.Length);
        at += JsonLineWriter.Raw(line[at..], ",\"from\":"u8);
        ReadOnlySpan<char> from = caption.Slice(match.Start, match.Length);
        at += plainCaption.IsEmpty ? _json.String(line[at..], from) : JsonLineWriter.Quoted(line[at..], plainCaption.Slice(match.Start, match.Length));
        return at;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int WriteEdit(Span<byte> line, ReadOnlySpan<char> caption, ReadOnlySpan<byte> plainCaption, TermMatch match, int toTerm, Span<char> to)
    {
        int at = WriteSpan(line, caption, plainCaption, match);
        ReadOnlySpan<char> from = caption.Slice(match.Start, match.Length);
        at += JsonLineWriter.Raw(line[at..], ",\"to\":"u8);
        string form = _tables.Form(toTerm, match.Form) ?? string.Empty;
        Span<char> cased = form.Length <= to.Length ? to[..form.Length] : new char[form.Length];
        ReplacementCasing.CopyCased(caption, match.Start, match.Length, form, cased);
        at += _json.String(line[at..], cased);
        return at;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    private static byte[] Head(string concept, string kind, string rule)
    {
        var head = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(head, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("concept", concept);
            writer.WriteString("kind", kind);
            writer.WriteString("rule", rule);
            writer.WriteEndObject();
        }

        // {"concept":...,"rule":"..."} -> ,"concept":...,"rule":"..."
        byte[] bytes = head.WrittenSpan[..^1].ToArray();
        bytes[0] = (byte)',';
        return bytes;
    }

    private static void Put(ArrayBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}
