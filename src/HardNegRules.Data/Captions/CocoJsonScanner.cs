using System.Text;
using System.Text.Json;
using HardNegRules.Negatives;
using System.Runtime.CompilerServices;

namespace HardNegRules.Data.Captions;

/// <summary>
/// One streamed pass over a COCO captions file with <see cref="Utf8JsonReader"/> over a refilled buffer: the root
/// object's properties are walked token by token (so arrays it does not want, however large, are skipped without being
/// held), "images" entries go into an id -> file name map, and "annotations" elements become records in a caption
/// batch, one complete element at a time. Memory is the buffer (it grows only for an element larger than itself, up to
/// <see cref="CaptionLimits.MaxRecordBytes"/>) plus the image map. A file broken as a whole (cut short, not JSON, no
/// "annotations" array, an element over the limit) throws a <see cref="CaptionInputException"/> with its line and byte offset.
/// </summary>
internal sealed class CocoJsonScanner : IDisposable
{
    private const int InitialBuffer = 256 * 1024;

    private readonly string _path;
    private readonly FileStream _stream;
    private readonly CocoImageFiles _files;
    private readonly byte[] _idScratch = new byte[1024];
    private readonly bool _annotationsWanted;
    private readonly Action<CaptionReadError> _onError;
    private byte[] _buffer = new byte[InitialBuffer];
    private long _bufferOffset;
    private int _length;
    private bool _final;
    private bool _started;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
    private Mode _mode = Mode.Root;
    private Property _property;
    private long _index;
    private bool _imagesRead;

    // Whether the reader's last token ended an element of the annotations array (so what follows is ", {...}" or "]"),
    // and where in the buffer the current reader starts.
    private bool _afterElement;
    private int _readerStart;
    private readonly bool _readDirectly;
    private bool _readSome;

    // Lines are counted only up to where they are needed, once: _lineAtCounted is the 1-based line of _buffer[_counted].
    private int _counted;
    private long _lineAtCounted = 1;

    /// <summary>Opens a pass.</summary>
    /// <param name="path">The COCO JSON file.</param>
    /// <param name="files">The image map: filled from "images", and used to name each record's image file.</param>
    /// <param name="annotationsWanted">
    /// Read "annotations" even when "images" has not been read yet (a second pass, after the map is complete). When
    /// false, annotations met before "images" are skipped and <see cref="AnnotationsSkipped"/> says a second pass is due.
    /// </param>
    /// <param name="onError">Receives unreadable annotations and a malformed file.</param>
    /// <param name="readDirectly">Read annotations of the common shape straight from the bytes (<see cref="CocoElementScanner"/>).</param>
    public CocoJsonScanner(string path, CocoImageFiles files, bool annotationsWanted, Action<CaptionReadError> onError, bool readDirectly = true)
    {
        _readDirectly = readDirectly;
        _path = path;
        _files = files;
        _annotationsWanted = annotationsWanted;
        _onError = onError;
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
    }

    private enum Mode
    {
        Root,
        Value,
        Skip,
        Images,
        Annotations,
        Done,
    }

    private enum Property
    {
        Other,
        Images,
        Annotations,
    }

    /// <summary>Whether the "annotations" array was found (read or skipped).</summary>
    public bool AnnotationsFound { get; private set; }

    /// <summary>Whether annotations came before "images" and were skipped: a second pass must read them.</summary>
    public bool AnnotationsSkipped { get; private set; }

    /// <summary>Records reported unreadable by this pass.</summary>
    public long Unreadable { get; private set; }

    /// <summary>Whether some annotations were read straight from the bytes (for tests).</summary>
    internal bool ReadSomeDirectly => _readSome;

    /// <summary>Whether the pass is over.</summary>
    public bool Done => _mode == Mode.Done;

    /// <summary>Reads on until <paramref name="batch"/> is full or the pass is over.</summary>
    /// <param name="batch">Receives the records read.</param>
    /// <returns>False when the pass is over and nothing was added.</returns>
    public bool Next(CaptionBatch batch)
    {
        int before = batch.Count;
        while (_mode != Mode.Done && !batch.IsFull)
        {
            Fill();
            int consumed = Advance(batch);
            Compact(consumed);
        }

        return batch.Count > before;
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private void Fill()
    {
        if (_length == _buffer.Length)
        {
            // One element is larger than the whole buffer: grow it, up to the bound on a record.
            if (_buffer.Length >= 2 * CaptionLimits.MaxRecordBytes)
            {
                throw new CaptionInputException(
                    $"{_path}({LineAt(0)}): a JSON value at byte offset {_bufferOffset} is larger than {CaptionLimits.MaxRecordBytes:N0} bytes; " +
                    "a COCO captions file holds short captions: check that this is one.");
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        int read = _stream.Read(_buffer, _length, _buffer.Length - _length);
        _length += read;
        _final = read == 0;
        if (!_started && (_length >= 3 || _final))
        {
            _started = true;
            TextSniffer.RequireText(_path, _buffer.AsSpan(0, Math.Min(_length, CaptionLimits.SniffBytes)), _final);
            if (_buffer.AsSpan(0, _length).StartsWith(Encoding.UTF8.Preamble))
            {
                Compact(3);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Advance(CaptionBatch batch)
    {
        // Annotations of the common shape are read straight from the bytes (CocoElementScanner) once the reader has
        // read one; the reader reads the rest, one element at a time, so every error is still its.
        int start = 0;
        while (true)
        {
            if (_mode == Mode.Annotations && _afterElement && _readDirectly)
            {
                int read = CocoElementScanner.Read(_buffer.AsSpan(start, _length - start), batch, ref _index);
                _readSome |= read > 0;
                start += read;
            }

            var reader = new Utf8JsonReader(_buffer.AsSpan(start, _length - start), _final, _state);
            _readerStart = start;
            bool elementRead = false;
            try
            {
                while (_mode != Mode.Done && !batch.IsFull && Step(ref reader, batch))
                {
                    if (_mode == Mode.Annotations && _afterElement)
                    {
                        elementRead = true;
                        break;
                    }
                }

                if (!elementRead && _mode != Mode.Done && _final && !batch.IsFull)
                {
                    // The reader throws for a truncated file; this is the rest: an empty file or one that ends after the root.
                    Fail(start + (int)reader.BytesConsumed, "the file ends before the COCO captions object does (is it cut short?)");
                }
            }
            catch (JsonException e)
            {
                if (_readSome)
                {
                    // The reader never saw the elements read directly, so its line count is short: read the file again
                    // with the reader alone, which fails at the same place and says so as it always does.
                    ThrowAsTheReaderAlone();
                }

                Fail(start + (int)reader.BytesConsumed, $"not a valid COCO captions file: {e.Message}", (e.LineNumber ?? 0) + 1);
            }

            _state = reader.CurrentState;
            start += (int)reader.BytesConsumed;
            if (!elementRead || batch.IsFull)
            {
                return start;
            }
        }
    }

    // One token at the root level, or one whole array element. False when the buffer holds no more of either.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Step(ref Utf8JsonReader reader, CaptionBatch batch)
    {
        Utf8JsonReader checkpoint = reader;
        if (!reader.Read())
        {
            return false;
        }

        switch (_mode)
        {
            case Mode.Root:
                Root(ref reader);
                return true;
            case Mode.Value:
                Value(ref reader);
                return true;
            case Mode.Skip:
                // Back at depth 1 means the skipped value's closing bracket.
                _mode = reader.CurrentDepth == 1 && reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject ? Mode.Root : Mode.Skip;
                return true;
            default:
                if (reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == 1)
                {
                    EndOfArray();
                    return true;
                }

                if (!Element(ref reader, batch))
                {
                    reader = checkpoint;
                    return false;
                }

                return true;
        }
    }

    private void Root(ref Utf8JsonReader reader)
    {
        if (reader.CurrentDepth == 0)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                return;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                _mode = Mode.Done;
                return;
            }

            Fail(_readerStart + (int)reader.TokenStartIndex, "a COCO captions file is a JSON object with an \"annotations\" array");
            return;
        }

        // At depth 1 in Root mode the only token is a property name.
        _property = reader.ValueTextEquals("images"u8) ? Property.Images
            : reader.ValueTextEquals("annotations"u8) ? Property.Annotations
            : Property.Other;
        _mode = Mode.Value;
    }

    private void Value(ref Utf8JsonReader reader)
    {
        bool array = reader.TokenType == JsonTokenType.StartArray;
        bool container = array || reader.TokenType == JsonTokenType.StartObject;
        if (_property == Property.Annotations && !AnnotationsFound)
        {
            AnnotationsFound = true;
            if (!array)
            {
                Fail(_readerStart + (int)reader.TokenStartIndex, "a COCO captions file needs an \"annotations\" array, not an object or a single value");
                return;
            }

            // Annotations can be handed out now only if every image they may name is known.
            bool read = _annotationsWanted || _imagesRead;
            AnnotationsSkipped = !read;
            _mode = read ? Mode.Annotations : Mode.Skip;
            _afterElement = false;
            return;
        }

        _mode = _property == Property.Images && array && !_annotationsWanted && !_imagesRead ? Mode.Images
            : container ? Mode.Skip
            : Mode.Root;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Element(ref Utf8JsonReader reader, CaptionBatch batch)
    {
        if (_mode == Mode.Images)
        {
            return CocoAnnotationParser.TryReadImage(ref reader, _files, _idScratch);
        }

        int start = _readerStart + (int)reader.TokenStartIndex;
        int mark = batch.Begin();
        if (!CocoAnnotationParser.TryReadAnnotation(ref reader, _index, batch, out string? error))
        {
            batch.Abandon(mark);
            return false;
        }

        if (error is not null)
        {
            batch.Abandon(mark);
            Unreadable++;
            _onError(new CaptionReadError(_path, LineAt(start), $"annotation {_index}: {error}"));
        }

        _index++;
        _afterElement = true;
        return true;
    }

    private void EndOfArray()
    {
        if (_mode == Mode.Images)
        {
            _imagesRead = true;
        }

        // After the annotations this pass has nothing more to do; after "images", only if annotations were skipped
        // (the second pass reads them).
        _mode = _mode == Mode.Annotations || AnnotationsSkipped ? Mode.Done : Mode.Root;
    }

    private void ThrowAsTheReaderAlone()
    {
        using var alone = new CocoJsonScanner(_path, new CocoImageFiles(), _annotationsWanted, _ => { }, readDirectly: false);
        var scratch = new CaptionBatch();
        while (!alone.Done)
        {
            alone.Next(scratch);
            scratch.Clear();
        }
    }

    private void Fail(int position, string message, long? line = null)
    {
        _mode = Mode.Done;
        long at = _bufferOffset + position;
        throw new CaptionInputException($"{_path}({line ?? LineAt(position)}): byte offset {at}: {message}. Nothing was written.");
    }

    private long LineAt(int position)
    {
        if (position > _counted)
        {
            _lineAtCounted += _buffer.AsSpan(_counted, position - _counted).Count((byte)'\n');
            _counted = position;
        }

        return position == _counted ? _lineAtCounted : _lineAtCounted - _buffer.AsSpan(position, _counted - position).Count((byte)'\n');
    }

    private void Compact(int consumed)
    {
        LineAt(consumed);
        _bufferOffset += consumed;
        _counted -= consumed;
        Buffer.BlockCopy(_buffer, consumed, _buffer, 0, _length - consumed);
        _length -= consumed;
    }
}
