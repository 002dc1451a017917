using System.Text;
using System.Text.Json;

namespace HardNegRules.Data.Captions;

/// <summary>
/// One streamed pass over a COCO captions file with <see cref="Utf8JsonReader"/> over a refilled buffer: the root
/// object's properties are walked token by token (so arrays it does not want, however large, are skipped without being
/// held), "images" entries go into an id -> file name map, and "annotations" elements become records, one complete
/// element at a time. Memory is the buffer (it grows only for an element larger than itself) plus the image map.
/// </summary>
internal sealed class CocoJsonScanner : IDisposable
{
    private const int InitialBuffer = 256 * 1024;

    private readonly string _path;
    private readonly FileStream _stream;
    private readonly Dictionary<string, string> _files;
    private readonly bool _annotationsWanted;
    private readonly Action<CaptionReadError> _onError;
    private byte[] _buffer = new byte[InitialBuffer];
    private int _length;
    private bool _final;
    private bool _started;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
    private Mode _mode = Mode.Root;
    private Property _property;
    private long _index;
    private bool _imagesRead;

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
    public CocoJsonScanner(string path, Dictionary<string, string> files, bool annotationsWanted, Action<CaptionReadError> onError)
    {
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

    /// <summary>Whether the file could not be read to the end of what this pass needed (already reported).</summary>
    public bool Failed { get; private set; }

    /// <summary>Reads on until at least one record is in <paramref name="records"/> or the pass is over.</summary>
    /// <param name="records">Receives the records read (a buffer's worth at most).</param>
    /// <returns>False when the pass is over and nothing was added.</returns>
    public bool Next(List<CaptionRecord> records)
    {
        while (_mode != Mode.Done && records.Count == 0)
        {
            Fill();
            int consumed = Advance(records);
            Compact(consumed);
        }

        return records.Count > 0;
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private void Fill()
    {
        if (_length == _buffer.Length)
        {
            // One element is larger than the whole buffer: grow it rather than fail.
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        int read = _stream.Read(_buffer, _length, _buffer.Length - _length);
        _length += read;
        _final = read == 0;
        if (!_started && (_length >= 3 || _final))
        {
            _started = true;
            if (_buffer.AsSpan(0, _length).StartsWith(Encoding.UTF8.Preamble))
            {
                Compact(3);
            }
        }
    }

    private int Advance(List<CaptionRecord> records)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(0, _length), _final, _state);
        try
        {
            while (_mode != Mode.Done && Step(ref reader, records))
            {
            }

            if (_mode != Mode.Done && _final)
            {
                // The reader throws for a truncated file; this is the rest: an empty file or one that ends after the root.
                Fail(LineAt((int)reader.BytesConsumed), "the file ends before the COCO captions object does");
            }
        }
        catch (JsonException e)
        {
            Fail((e.LineNumber ?? 0) + 1, $"not a valid COCO captions file: {e.Message}");
        }

        _state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    // One token at the root level, or one whole array element. False when the buffer holds no more of either.
    private bool Step(ref Utf8JsonReader reader, List<CaptionRecord> records)
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

                if (!Element(ref reader, records))
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

            Fail(LineAt((int)reader.TokenStartIndex), "a COCO captions file is a JSON object with an \"annotations\" array");
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
                Fail(LineAt((int)reader.TokenStartIndex), "a COCO captions file needs an \"annotations\" array");
                return;
            }

            // Annotations can be handed out now only if every image they may name is known.
            bool read = _annotationsWanted || _imagesRead;
            AnnotationsSkipped = !read;
            _mode = read ? Mode.Annotations : Mode.Skip;
            return;
        }

        _mode = _property == Property.Images && array && !_annotationsWanted && !_imagesRead ? Mode.Images
            : container ? Mode.Skip
            : Mode.Root;
    }

    private bool Element(ref Utf8JsonReader reader, List<CaptionRecord> records)
    {
        if (_mode == Mode.Images)
        {
            return CocoAnnotationParser.TryReadImage(ref reader, _files);
        }

        int start = (int)reader.TokenStartIndex;
        if (!CocoAnnotationParser.TryReadAnnotation(ref reader, _index, out CaptionRecord? record, out string? error))
        {
            return false;
        }

        if (record is not null)
        {
            records.Add(record.ImageId is { } image && _files.TryGetValue(image, out string? file) ? record with { ImageFile = file } : record);
        }
        else
        {
            _onError(new CaptionReadError(_path, LineAt(start), $"annotation {_index}: {error}"));
        }

        _index++;
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

    private void Fail(long line, string message)
    {
        // A fault inside annotations this pass skips is met again, and reported, by the pass that reads them.
        bool metAgain = _mode == Mode.Skip && _property == Property.Annotations && AnnotationsSkipped;
        _mode = Mode.Done;
        Failed = true;
        if (!metAgain)
        {
            _onError(new CaptionReadError(_path, line, message));
        }
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
        _counted -= consumed;
        Buffer.BlockCopy(_buffer, consumed, _buffer, 0, _length - consumed);
        _length -= consumed;
    }
}
