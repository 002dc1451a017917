using System.Buffers;

namespace HardNegRules.Negatives;

/// <summary>TSV fields as pandas writes them: quoted only when they hold a tab, a quote or a line break, quotes doubled.</summary>
internal static class TsvText
{
    public static void WriteField(IBufferWriter<byte> output, ReadOnlySpan<byte> field)
    {
        if (field.IndexOfAny("\t\"\r\n"u8) < 0)
        {
            output.Write(field);
            return;
        }

        int quotes = field.Count((byte)'"');
        Span<byte> destination = output.GetSpan(field.Length + quotes + 2);
        int at = 0;
        destination[at++] = (byte)'"';
        foreach (byte b in field)
        {
            destination[at++] = b;
            if (b == (byte)'"')
            {
                destination[at++] = (byte)'"';
            }
        }

        destination[at++] = (byte)'"';
        output.Advance(at);
    }
}
