using System.Buffers.Text;
using System.Text.Json;
using HardNegRules.Negatives;
using Microsoft.Win32.SafeHandles;
using System.Runtime.CompilerServices;

namespace HardNegRules.Data.Captions;

/// <summary>
/// Captions from a file of lines, plain text (one caption a line, id = line number) or JSONL (an object a line with
/// "caption" and optionally "id", "image_id"/"image", "filepath"/"file_name"), read as UTF-8 bytes: the file is read in
/// large blocks with <see cref="RandomAccess"/>, lines are found with a vectorized search, and each record's fields are
/// copied into the batch without a string. A line longer than <see cref="CaptionLimits.MaxRecordBytes"/> is reported and
/// skipped without being held; a line that is not valid UTF-8 (or not a valid record) is reported with its number.
/// </summary>
internal sealed class LineCaptionSource : ICaptionSource
{
    private readonly string _path;
    private readonly bool _jsonl;
    private readonly Action<CaptionReadError> _onError;
    private readonly SafeFileHandle _handle;
    private readonly byte[] _buffer = new byte[2 * CaptionLimits.MaxRecordBytes];
    private long _fileOffset;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _skipping;
    private long _line = 1;

    public LineCaptionSource(string path, bool jsonl, Action<CaptionReadError> onError)
    {
        _path = path;
        _jsonl = jsonl;
        _onError = onError;
        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        Read();
        TextSniffer.RequireText(path, _buffer.AsSpan(0, Math.Min(_end, CaptionLimits.SniffBytes)), _eof && _end <= CaptionLimits.SniffBytes);
        if (_buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8))
        {
            _start = 3;
        }
    }

    public long Unreadable { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Fill(CaptionBatch batch)
    {
        int before = batch.Count;
        while (!batch.IsFull)
        {
            ReadOnlySpan<byte> pending = _buffer.AsSpan(_start, _end - _start);
            int newline = pending.IndexOfAny((byte)'\n', (byte)'\r');
            if (newline >= 0 && pending[newline] == (byte)'\r' && newline + 1 == pending.Length && !_eof)
            {
                // A "\r" at the end of the block may be the first half of "\r\n".
                newline = -1;
            }

            if (newline < 0)
            {
                if (_eof)
                {
                    if (pending.IsEmpty)
                    {
                        break;
                    }

                    Line(pending, batch);
                    _start = _end;
                    continue;
                }

                if (pending.Length > CaptionLimits.MaxRecordBytes)
                {
                    // Too long to be a caption: report it once, then drop its bytes as they come until its end.
                    if (!_skipping)
                    {
                        Report($"the line is longer than {CaptionLimits.MaxRecordBytes:N0} bytes: skipped");
                        _skipping = true;
                    }

                    _start = _end;
                }

                Read();
                continue;
            }

            int terminator = pending[newline] == (byte)'\r' && newline + 1 < pending.Length && pending[newline + 1] == (byte)'\n' ? 2 : 1;
            Line(pending[..newline], batch);
            _start += newline + terminator;
        }

        return batch.Count > before;
    }

    public void Dispose() => _handle.Dispose();

    private void Read()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        int read = RandomAccess.Read(_handle, _buffer.AsSpan(_end), _fileOffset);
        _fileOffset += read;
        _end += read;
        _eof = read == 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Line(ReadOnlySpan<byte> line, CaptionBatch batch)
    {
        long number = _line++;
        if (_skipping)
        {
            _skipping = false;
            return;
        }

        if (line.Length > CaptionLimits.MaxRecordBytes)
        {
            Report(number, $"the line is longer than {CaptionLimits.MaxRecordBytes:N0} bytes: skipped");
            return;
        }

        int invalid = Utf8Text.FirstInvalid(line);
        if (invalid >= 0)
        {
            Report(number, $"not valid UTF-8 (byte {invalid + 1} of the line)");
            return;
        }

        if (_jsonl)
        {
            if (!Utf8Text.Trim(line).IsEmpty)
            {
                JsonLine(line, number, batch);
            }

            return;
        }

        ReadOnlySpan<byte> caption = Utf8Text.Trim(line);
        if (caption.IsEmpty)
        {
            return;
        }

        _ = batch.Begin();
        _ = Utf8Formatter.TryFormat(number, batch.Reserve(20), out int written);
        ByteRange id = batch.Advance(written);
        ByteRange text = batch.AppendField(caption);
        batch.Commit(id, idIsNumber: true, text, ByteRange.None, ByteRange.None);
    }

    private void JsonLine(ReadOnlySpan<byte> line, long number, CaptionBatch batch)
    {
        int mark = batch.Begin();
        string? error;
        try
        {
            error = JsonRecord(line, number, batch);
        }
        catch (JsonException e)
        {
            error = $"not valid JSON: {e.Message}";
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader's unescaping of an invalid \u escape (a lone surrogate).
            error = $"not valid JSON text: {e.Message}";
        }

        if (error is not null)
        {
            batch.Abandon(mark);
            Report(number, error);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? JsonRecord(ReadOnlySpan<byte> line, long number, CaptionBatch batch)
    {
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            if (reader.TokenType != JsonTokenType.None)
            {
                reader.Skip();
            }

            return "expected a JSON object with a \"caption\" field";
        }

        var fields = new CaptionRecordFields();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            JsonField name = JsonFieldNames.Of(ref reader);
            _ = reader.Read();
            if (!fields.TryRead(name, ref reader, batch))
            {
                reader.Skip();
            }
        }

        // The rest of the line must be nothing but white space (the reader throws on anything else).
        _ = reader.Read();
        if (fields.Caption.IsNone || fields.CaptionInvalid)
        {
            return "missing a string \"caption\" field";
        }

        if (fields.IdInvalid)
        {
            return "\"id\" must be a number or a string";
        }

        fields.Commit(batch, number);
        return null;
    }

    /// <summary>A string's unescaped bytes or a number's text, copied into the batch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static ByteRange Scalar(ref Utf8JsonReader reader, CaptionBatch batch)
    {
        if (reader.TokenType == JsonTokenType.Number || !reader.ValueIsEscaped)
        {
            return batch.AppendField(reader.ValueSpan);
        }

        Span<byte> room = batch.Reserve(reader.ValueSpan.Length);
        int written = reader.CopyString(room);
        return batch.Advance(written);
    }

    private void Report(string message) => Report(_line, message);

    private void Report(long line, string message)
    {
        Unreadable++;
        _onError(new CaptionReadError(_path, line, message));
    }
}
