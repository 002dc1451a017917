using System.Buffers;
using System.Globalization;
using System.Text;
using HardNegRules.Negatives;

namespace HardNegRules.Data.Captions;

/// <summary>
/// Tells a text file from other data by its first bytes, before any caption is read: random bytes, an image, a
/// compressed file or UTF-16 text would otherwise turn into thousands of garbage "captions".
/// </summary>
internal static class TextSniffer
{
    /// <summary>Throws when the start of the file is not UTF-8 text.</summary>
    public static void RequireText(string path, ReadOnlySpan<byte> start, bool complete)
    {
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new CaptionInputException($"{path}: the file is UTF-16 text; save it as UTF-8 and try again.");
        }

        int bad = 0;
        long firstBad = -1;
        int at = 0;
        while (at < start.Length)
        {
            byte b = start[at];
            if (b < 0x80)
            {
                if (b == 0 || (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C)) || b == 0x7F)
                {
                    bad += b == 0 ? start.Length : 1;
                    firstBad = firstBad < 0 ? at : firstBad;
                }

                at++;
                continue;
            }

            OperationStatus status = Rune.DecodeFromUtf8(start[at..], out _, out int consumed);
            if (status == OperationStatus.NeedMoreData && !complete)
            {
                break;
            }

            if (status != OperationStatus.Done)
            {
                bad++;
                firstBad = firstBad < 0 ? at : firstBad;
            }

            at += Math.Max(consumed, 1);
        }

        if (bad >= 8 && bad > CaptionLimits.MaxNonTextShare * start.Length)
        {
            string share = start.Length == 0 ? "0" : Math.Min(100.0, 100.0 * bad / start.Length).ToString("F0", CultureInfo.InvariantCulture);
            throw new CaptionInputException(
                $"{path}: not a text file (byte offset {firstBad}: {(start.Contains((byte)0) ? "NUL bytes" : $"{share}% of the first {start.Length:N0} bytes are control characters or invalid UTF-8")}); " +
                "captions must be UTF-8 text (one per line), JSONL or a COCO captions JSON.");
        }
    }
}
