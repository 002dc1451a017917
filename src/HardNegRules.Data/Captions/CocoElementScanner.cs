using System.Runtime.CompilerServices;
using HardNegRules.Negatives;

namespace HardNegRules.Data.Captions;

/// <summary>
/// The common shape of a COCO annotation read straight from the bytes, without a JSON reader: an object of fields whose
/// names and string values are printable ASCII without escapes and whose other values are plain JSON numbers
/// (<c>{"image_id": 179765, "id": 38, "caption": "A black Honda motorcycle..."}</c>). It reads the elements that follow
/// one the JSON reader has read (each is a comma, then the element), as many as are of that shape, and stops before the
/// first that is not, or that would be an unreadable record, or that the buffer does not hold whole: the JSON reader
/// reads that one, so every error, every escape and every unusual value is its, and the reader's state stays valid (it
/// never saw the elements read here, which leave it where it was: after an element of the array). The records are the
/// ones <see cref="CocoAnnotationParser.TryReadAnnotation"/> makes of the same elements.
/// </summary>
internal static class CocoElementScanner
{

    /// <summary>Reads elements from the start of <paramref name="data"/> into <paramref name="batch"/> until the batch is full.</summary>
    /// <param name="data">The bytes after an element of the annotations array.</param>
    /// <param name="batch">Receives the records.</param>
    /// <param name="index">The next annotation's index (the id of one without an id); moved on per element read.</param>
    /// <returns>How many bytes of <paramref name="data"/> the elements read took.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Read(ReadOnlySpan<byte> data, CaptionBatch batch, ref long index)
    {
        int consumed = 0;
        while (!batch.IsFull)
        {
            int mark = batch.Begin();
            int end = Element(data, consumed, batch, index);
            if (end < 0)
            {
                batch.Abandon(mark);
                break;
            }

            consumed = end;
            index++;
        }

        return consumed;
    }

    // One ", {...}" at pos: the record committed and the position after it, or -1 (nothing committed) to leave it to the
    // JSON reader.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Element(ReadOnlySpan<byte> data, int pos, CaptionBatch batch, long index)
    {
        pos = SkipSpace(data, pos);
        if (pos >= data.Length || data[pos] != (byte)',')
        {
            return -1;
        }

        pos = SkipSpace(data, pos + 1);
        if (pos >= data.Length || data[pos] != (byte)'{')
        {
            return -1;
        }

        var fields = new CaptionRecordFields();
        pos = SkipSpace(data, pos + 1);
        if (pos < data.Length && data[pos] == (byte)'}')
        {
            // {} is a record without a caption: the reader reports it.
            return -1;
        }

        while (true)
        {
            if (pos >= data.Length || data[pos] != (byte)'"')
            {
                return -1;
            }

            int nameEnd = PlainStringEnd(data, pos + 1);
            if (nameEnd < 0)
            {
                return -1;
            }

            JsonField name = JsonFieldNames.Of(data[(pos + 1)..nameEnd]);
            pos = SkipSpace(data, nameEnd + 1);
            if (pos >= data.Length || data[pos] != (byte)':')
            {
                return -1;
            }

            pos = SkipSpace(data, pos + 1);
            if (pos >= data.Length)
            {
                return -1;
            }

            bool isString = data[pos] == (byte)'"';
            int valueStart = isString ? pos + 1 : pos;
            int valueEnd = isString ? PlainStringEnd(data, valueStart) : NumberEnd(data, pos);
            if (valueEnd < 0)
            {
                return -1;
            }

            if (name == JsonField.Caption && !isString)
            {
                // Not a string: an unreadable record, which the reader reports.
                return -1;
            }

            if (name != JsonField.Other)
            {
                fields.Set(name, batch.AppendField(data[valueStart..valueEnd]), isString, isScalar: true, batch);
            }

            pos = SkipSpace(data, isString ? valueEnd + 1 : valueEnd);
            if (pos >= data.Length)
            {
                return -1;
            }

            if (data[pos] == (byte)'}')
            {
                pos++;
                break;
            }

            if (data[pos] != (byte)',')
            {
                return -1;
            }

            pos = SkipSpace(data, pos + 1);
        }

        if (fields.Caption.IsNone)
        {
            return -1;
        }

        fields.Commit(batch, index);
        return pos;
    }

    // JSON white space only; anything else (a comment) is the reader's.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipSpace(ReadOnlySpan<byte> data, int pos)
    {
        while (pos < data.Length && data[pos] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            pos++;
        }

        return pos;
    }

    // The closing quote of a string of printable ASCII without escapes that starts at pos, or -1 (one vectorized check).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int PlainStringEnd(ReadOnlySpan<byte> data, int pos)
    {
        int end = pos + JsonPlainText.PlainLength(data[pos..]);
        return end < data.Length && data[end] == (byte)'"' ? end : -1;
    }

    // The end of a JSON number at pos (-?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?) followed by a delimiter, or -1.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int NumberEnd(ReadOnlySpan<byte> data, int pos)
    {
        int i = pos;
        if (i < data.Length && data[i] == (byte)'-')
        {
            i++;
        }

        if (i >= data.Length || !IsDigit(data[i]))
        {
            return -1;
        }

        if (data[i] == (byte)'0')
        {
            i++;
        }
        else
        {
            while (i < data.Length && IsDigit(data[i]))
            {
                i++;
            }
        }

        if (i < data.Length && data[i] == (byte)'.')
        {
            int digits = ++i;
            while (i < data.Length && IsDigit(data[i]))
            {
                i++;
            }

            if (i == digits)
            {
                return -1;
            }
        }

        if (i < data.Length && data[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < data.Length && data[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            int digits = i;
            while (i < data.Length && IsDigit(data[i]))
            {
                i++;
            }

            if (i == digits)
            {
                return -1;
            }
        }

        // The number must end here: the buffer must hold what follows, and it must be a delimiter.
        return i < data.Length && data[i] is (byte)',' or (byte)'}' or (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' ? i : -1;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
