using System.Buffers;
using System.Buffers.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Runtime.CompilerServices;

namespace HardNegRules.Negatives;

/// <summary>
/// Writes JSON strings and numbers straight into an output buffer, with the escaping <see cref="Utf8JsonWriter"/> uses
/// under <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>, so the bytes are the same as the reference writer's.
/// A string that needs no escaping (nearly every caption) is copied as it is; one that does is escaped by a
/// <see cref="Utf8JsonWriter"/> over a scratch buffer. Fixed parts of a record are pre-encoded by the caller.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A Utf8JsonWriter over an ArrayBufferWriter holds no resource to release.")]
internal sealed class JsonLineWriter
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private readonly ArrayBufferWriter<byte> _escaped = new(256);
    private readonly Utf8JsonWriter _escaper;
    private byte[] _utf8 = new byte[1024];

    public JsonLineWriter()
    {
        _escaper = new Utf8JsonWriter(_escaped, new JsonWriterOptions { Encoder = Encoder, SkipValidation = true });
    }

    /// <summary>Writes raw bytes (pre-encoded JSON).</summary>
    public static void Raw(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> bytes) => output.Write(bytes);

    /// <summary>Writes an integer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Number(ArrayBufferWriter<byte> output, int value)
    {
        _ = Utf8Formatter.TryFormat(value, output.GetSpan(11), out int written);
        output.Advance(written);
    }

    /// <summary>Writes a quoted, escaped string from valid UTF-8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void String(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> utf8)
    {
        if (Encoder.FindFirstCharacterToEncodeUtf8(utf8) < 0)
        {
            Span<byte> destination = output.GetSpan(utf8.Length + 2);
            destination[0] = (byte)'"';
            utf8.CopyTo(destination[1..]);
            destination[utf8.Length + 1] = (byte)'"';
            output.Advance(utf8.Length + 2);
            return;
        }

        _escaped.ResetWrittenCount();
        _escaper.Reset(_escaped);
        _escaper.WriteStringValue(utf8);
        _escaper.Flush();
        output.Write(_escaped.WrittenSpan);
    }

    /// <summary>Writes a quoted, escaped string from UTF-16 text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void String(ArrayBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        int most = text.Length * 3;
        if (_utf8.Length < most)
        {
            _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
        }

        OperationStatus status = Utf8.FromUtf16(text, _utf8, out _, out int written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            // Not valid UTF-16 (a lone surrogate): the reference writer's own handling decides.
            _escaped.ResetWrittenCount();
            _escaper.Reset(_escaped);
            _escaper.WriteStringValue(text);
            _escaper.Flush();
            output.Write(_escaped.WrittenSpan);
            return;
        }

        String(output, _utf8.AsSpan(0, written));
    }
}
