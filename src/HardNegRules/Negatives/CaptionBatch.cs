using System.Runtime.CompilerServices;

namespace HardNegRules.Negatives;

/// <summary>
/// A chunk of caption records as UTF-8 bytes in one pooled arena: the unit a reader fills, a worker turns into output
/// and the pipeline hands between threads. Holding records as byte ranges of one array (not a string per field) is what
/// lets millions of captions pass through without an allocation each. Reused: <see cref="Clear"/> keeps the arrays.
/// </summary>
public sealed class CaptionBatch
{
    private byte[] _bytes;
    private Entry[] _entries;
    private int _used;

    /// <summary>An empty batch.</summary>
    /// <param name="records">How many records make the batch full.</param>
    /// <param name="bytes">How many bytes of record text make it full (a soft bound: one record may pass it).</param>
    public CaptionBatch(int records = 2048, int bytes = 1 << 19)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(records, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 16);
        _entries = new Entry[records];
        _bytes = new byte[bytes];
        RecordLimit = records;
        ByteLimit = bytes;
    }

    /// <summary>The records held.</summary>
    public int Count { get; private set; }

    /// <summary>How many records make the batch full.</summary>
    public int RecordLimit { get; }

    /// <summary>How many bytes make the batch full.</summary>
    public int ByteLimit { get; }

    /// <summary>Whether a reader should hand the batch on rather than add to it.</summary>
    public bool IsFull => Count >= RecordLimit || _used >= ByteLimit;

    /// <summary>The position of the batch in its run (set by the pipeline; 0-based).</summary>
    public long Sequence { get; set; }

    /// <summary>Forgets the records, keeping the arrays for the next fill.</summary>
    public void Clear()
    {
        Count = 0;
        _used = 0;
    }

    /// <summary>The bytes appended since <paramref name="mark"/> (what <see cref="Begin"/> returned): a record's fields so far.</summary>
    /// <param name="mark">The mark.</param>
    /// <returns>The bytes.</returns>
    public ReadOnlySpan<byte> AppendedSince(int mark) => _bytes.AsSpan(mark, _used - mark);

    /// <summary>Starts a record: its fields follow with <see cref="AppendField"/>; <see cref="Commit"/> or <see cref="Abandon"/> ends it.</summary>
    /// <returns>The mark to abandon to.</returns>
    public int Begin() => _used;

    /// <summary>Copies one field's bytes into the arena and returns where they are.</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>The field.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ByteRange AppendField(ReadOnlySpan<byte> value)
    {
        Span<byte> destination = Reserve(value.Length);
        value.CopyTo(destination);
        return Advance(value.Length);
    }

    /// <summary>Room for a field of at most <paramref name="length"/> bytes; write into it, then call <see cref="Advance"/>.</summary>
    /// <param name="length">The most bytes the field may take.</param>
    /// <returns>The room.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Span<byte> Reserve(int length)
    {
        if (_used + length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + length));
        }

        return _bytes.AsSpan(_used, length);
    }

    /// <summary>Takes <paramref name="written"/> bytes of the room last reserved as a field.</summary>
    /// <param name="written">The bytes written.</param>
    /// <returns>The field.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ByteRange Advance(int written)
    {
        var range = new ByteRange(_used, written);
        _used += written;
        return range;
    }

    /// <summary>Drops everything appended since <paramref name="mark"/> (a record that turned out unreadable).</summary>
    /// <param name="mark">What <see cref="Begin"/> returned.</param>
    public void Abandon(int mark) => _used = mark;

    /// <summary>Adds the record whose fields were appended.</summary>
    /// <param name="id">Its id's text (a JSON number's text when <paramref name="idIsNumber"/>).</param>
    /// <param name="idIsNumber">Whether the id is written as a JSON number.</param>
    /// <param name="caption">The caption (trimmed, valid UTF-8).</param>
    /// <param name="imageId">The image it describes, or <see cref="ByteRange.None"/>.</param>
    /// <param name="imageFile">The image's file, or <see cref="ByteRange.None"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Commit(ByteRange id, bool idIsNumber, ByteRange caption, ByteRange imageId, ByteRange imageFile)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        _entries[Count++] = new Entry(id, caption, imageId, imageFile, idIsNumber);
    }

    /// <summary>Adds a record from its fields' bytes (copied).</summary>
    /// <param name="id">The id's text.</param>
    /// <param name="idIsNumber">Whether the id is a JSON number.</param>
    /// <param name="caption">The caption.</param>
    /// <param name="imageFile">The image's file; empty when unknown.</param>
    public void Add(ReadOnlySpan<byte> id, bool idIsNumber, ReadOnlySpan<byte> caption, ReadOnlySpan<byte> imageFile = default)
    {
        Begin();
        ByteRange idRange = AppendField(id);
        ByteRange captionRange = AppendField(caption);
        ByteRange file = imageFile.IsEmpty ? ByteRange.None : AppendField(imageFile);
        Commit(idRange, idIsNumber, captionRange, ByteRange.None, file);
    }

    /// <summary>Record <paramref name="index"/>'s id.</summary>
    /// <param name="index">The record.</param>
    /// <returns>The id's UTF-8 text.</returns>
    public ReadOnlySpan<byte> Id(int index) => Field(_entries[index].Id);

    /// <summary>Whether record <paramref name="index"/>'s id is a JSON number.</summary>
    /// <param name="index">The record.</param>
    /// <returns>True for a number.</returns>
    public bool IdIsNumber(int index) => _entries[index].IdIsNumber;

    /// <summary>Record <paramref name="index"/>'s caption.</summary>
    /// <param name="index">The record.</param>
    /// <returns>The caption's UTF-8 text.</returns>
    public ReadOnlySpan<byte> Caption(int index) => Field(_entries[index].Caption);

    /// <summary>Record <paramref name="index"/>'s image id, when known.</summary>
    /// <param name="index">The record.</param>
    /// <returns>Whether it is known.</returns>
    public bool HasImageId(int index) => !_entries[index].ImageId.IsNone;

    /// <summary>Record <paramref name="index"/>'s image id (empty when unknown).</summary>
    /// <param name="index">The record.</param>
    /// <returns>The image id's UTF-8 text.</returns>
    public ReadOnlySpan<byte> ImageId(int index) => Field(_entries[index].ImageId);

    /// <summary>
    /// Finds the image file of a record that names its image only by id (COCO's annotations), when it is asked for: most
    /// outputs never need it, so the reader does not look it up per record. Set by the source that fills the batch.
    /// </summary>
    public IImageFileLookup? ImageFiles { get; set; }

    /// <summary>Whether record <paramref name="index"/>'s image file is known.</summary>
    /// <param name="index">The record.</param>
    /// <returns>True when known.</returns>
    public bool HasImageFile(int index) => !_entries[index].ImageFile.IsNone || !LookUpImageFile(index).IsEmpty;

    /// <summary>Record <paramref name="index"/>'s image file (empty when unknown).</summary>
    /// <param name="index">The record.</param>
    /// <returns>The file's UTF-8 text.</returns>
    public ReadOnlySpan<byte> ImageFile(int index) =>
        _entries[index].ImageFile.IsNone ? LookUpImageFile(index) : Field(_entries[index].ImageFile);

    /// <summary>The bytes of a field appended to this batch.</summary>
    /// <param name="range">The field.</param>
    /// <returns>Its bytes (empty for <see cref="ByteRange.None"/>).</returns>
    public ReadOnlySpan<byte> Bytes(ByteRange range) => Field(range);

    private ReadOnlySpan<byte> LookUpImageFile(int index) =>
        ImageFiles is { } files && !_entries[index].ImageId.IsNone ? files.Find(Field(_entries[index].ImageId)) : default;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<byte> Field(ByteRange range) => range.IsNone ? default : _bytes.AsSpan(range.Start, range.Length);

    private readonly record struct Entry(ByteRange Id, ByteRange Caption, ByteRange ImageId, ByteRange ImageFile, bool IdIsNumber);
}

/// <summary>Looks up an image's file by the image's id.</summary>
public interface IImageFileLookup
{
    /// <summary>The file of image <paramref name="imageId"/>.</summary>
    /// <param name="imageId">The image id's UTF-8 text.</param>
    /// <returns>The file's UTF-8 text; empty when the image is not known.</returns>
    ReadOnlySpan<byte> Find(ReadOnlySpan<byte> imageId);
}

/// <summary>A field's place in a <see cref="CaptionBatch"/>'s arena.</summary>
/// <param name="Start">Its first byte.</param>
/// <param name="Length">Its length; -1 for <see cref="None"/>.</param>
public readonly record struct ByteRange(int Start, int Length)
{
    /// <summary>No field (as opposed to an empty one).</summary>
    public static ByteRange None { get; } = new(0, -1);

    /// <summary>Whether this is <see cref="None"/>.</summary>
    public bool IsNone => Length < 0;
}
