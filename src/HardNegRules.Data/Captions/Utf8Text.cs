using System.Buffers;
using System.Text;
using System.Runtime.CompilerServices;

namespace HardNegRules.Data.Captions;

/// <summary>Small UTF-8 helpers of the caption readers.</summary>
internal static class Utf8Text
{
    /// <summary>The span without leading and trailing white space (as <see cref="string.Trim()"/> does on its characters).</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text) => Trim(text, out _);

    /// <summary>The span without leading and trailing white space, and how many bytes were dropped at its start.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text, out int lead)
    {
        int length = text.Length;
        while (!text.IsEmpty)
        {
            if (text[0] < 0x80)
            {
                if (!IsAsciiSpace(text[0]))
                {
                    break;
                }

                text = text[1..];
            }
            else if (Rune.DecodeFromUtf8(text, out Rune rune, out int consumed) == OperationStatus.Done && Rune.IsWhiteSpace(rune))
            {
                text = text[consumed..];
            }
            else
            {
                break;
            }
        }

        lead = length - text.Length;
        while (!text.IsEmpty)
        {
            if (text[^1] < 0x80)
            {
                if (!IsAsciiSpace(text[^1]))
                {
                    break;
                }

                text = text[..^1];
            }
            else if (Rune.DecodeLastFromUtf8(text, out Rune rune, out int consumed) == OperationStatus.Done && Rune.IsWhiteSpace(rune))
            {
                text = text[..^consumed];
            }
            else
            {
                break;
            }
        }

        return text;
    }

    /// <summary>The offset of the first byte that is not valid UTF-8, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int FirstInvalid(ReadOnlySpan<byte> text)
    {
        if (System.Text.Unicode.Utf8.IsValid(text))
        {
            return -1;
        }

        int at = 0;
        while (at < text.Length)
        {
            if (Rune.DecodeFromUtf8(text[at..], out _, out int consumed) != OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsAsciiSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C or 0x1C or 0x1D or 0x1E or 0x1F or 0x85;
}
