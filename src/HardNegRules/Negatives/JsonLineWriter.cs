using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace HardNegRules.Negatives;

/// <summary>
/// Writes JSON strings and numbers straight into a span the caller reserved, with the escaping
/// <see cref="Utf8JsonWriter"/> uses under <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>, so the bytes are the
/// same as the reference writer's. A string of printable ASCII without a quote or backslash (nearly every caption) is
/// copied as it is, found by one vectorized check (<see cref="JsonPlainText"/>); any other string is escaped by a <see cref="Utf8JsonWriter"/> over a
/// scratch buffer. At most <see cref="MaxBytesPerByte"/> bytes per UTF-8 byte or <see cref="MaxBytesPerChar"/> per UTF-16
/// character are written, plus the quotes.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A Utf8JsonWriter over an ArrayBufferWriter holds no resource to release.")]
internal sealed class JsonLineWriter
{
    /// <summary>The most bytes an escaped string takes per byte of UTF-8 (a control character becomes \u00XX).</summary>
    public const int MaxBytesPerByte = 6;

    /// <summary>The most bytes an escaped string takes per UTF-16 character (\uXXXX).</summary>
    public const int MaxBytesPerChar = 6;

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private readonly ArrayBufferWriter<byte> _escaped = new(256);
    private readonly Utf8JsonWriter _escaper;
    private byte[] _utf8 = new byte[1024];

    public JsonLineWriter()
    {
        _escaper = new Utf8JsonWriter(_escaped, new JsonWriterOptions { Encoder = Encoder, SkipValidation = true });
    }

    /// <summary>Writes raw bytes (pre-encoded JSON); returns their length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Raw(Span<byte> destination, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination);
        return bytes.Length;
    }

    /// <summary>Writes an integer; returns its length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Number(Span<byte> destination, int value)
    {
        _ = Utf8Formatter.TryFormat(value, destination, out int written);
        return written;
    }

    /// <summary>Whether <paramref name="utf8"/> is printable ASCII without a quote or backslash: written as it is, quoted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsPlain(ReadOnlySpan<byte> utf8) => JsonPlainText.IsPlain(utf8);

    /// <summary>Writes a string that <see cref="IsPlain"/> said needs no escaping; returns the bytes written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Quoted(Span<byte> destination, ReadOnlySpan<byte> plain)
    {
        destination[0] = (byte)'"';
        plain.CopyTo(destination[1..]);
        destination[plain.Length + 1] = (byte)'"';
        return plain.Length + 2;
    }

    /// <summary>Writes a quoted, escaped string from valid UTF-8; returns the bytes written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int String(Span<byte> destination, ReadOnlySpan<byte> utf8)
    {
        return JsonPlainText.IsPlain(utf8) ? Quoted(destination, utf8) : Escaped(destination, utf8);
    }

    /// <summary>Writes a quoted, escaped string from UTF-16 text; returns the bytes written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int String(Span<byte> destination, ReadOnlySpan<char> text)
    {
        // Printable ASCII narrows straight into place; anything else is transcoded and escaped.
        if (Ascii.FromUtf16(text, destination[1..], out int narrowed) == OperationStatus.Done &&
            JsonPlainText.IsPlain(destination.Slice(1, narrowed)))
        {
            destination[0] = (byte)'"';
            destination[narrowed + 1] = (byte)'"';
            return narrowed + 2;
        }

        int most = text.Length * 3;
        if (_utf8.Length < most)
        {
            _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
        }

        if (Utf8.FromUtf16(text, _utf8, out _, out int written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            // Not valid UTF-16 (a lone surrogate): the reference writer's own handling decides.
            ResetEscaper().WriteStringValue(text);
            return CopyEscaped(destination);
        }

        return String(destination, _utf8.AsSpan(0, written));
    }

    private int Escaped(Span<byte> destination, ReadOnlySpan<byte> utf8)
    {
        if (Encoder.FindFirstCharacterToEncodeUtf8(utf8) < 0)
        {
            return Quoted(destination, utf8);
        }

        ResetEscaper().WriteStringValue(utf8);
        return CopyEscaped(destination);
    }

    /// <summary>The reference writer, emptied, for one string value.</summary>
    private Utf8JsonWriter ResetEscaper()
    {
        _escaped.ResetWrittenCount();
        _escaper.Reset(_escaped);
        return _escaper;
    }

    /// <summary>Copies what the reference writer wrote to <paramref name="destination"/>; returns the bytes copied.</summary>
    private int CopyEscaped(Span<byte> destination)
    {
        _escaper.Flush();
        _escaped.WrittenSpan.CopyTo(destination);
        return _escaped.WrittenCount;
    }
}
