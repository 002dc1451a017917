using System.Text;

namespace HardNegRules.Negatives;

/// <summary>Python string literals as <c>repr</c> writes them, in UTF-8: what NegCLIP's loader reads back with <c>ast.literal_eval</c>.</summary>
internal static class PythonLiteral
{
    /// <summary>Writes <paramref name="text"/> quoted; returns the bytes written. <paramref name="destination"/> holds 2 × its UTF-8 length + 2.</summary>
    public static int WriteString(ReadOnlySpan<char> text, Span<byte> destination)
    {
        byte quote = text.Contains('\'') && !text.Contains('"') ? (byte)'"' : (byte)'\'';
        int at = 0;
        destination[at++] = quote;
        Span<byte> one = stackalloc byte[4];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            byte escaped = c switch
            {
                '\\' => (byte)'\\',
                '\n' => (byte)'n',
                '\r' => (byte)'r',
                '\t' => (byte)'t',
                _ when c == quote => quote,
                _ => 0,
            };
            if (escaped != 0)
            {
                destination[at++] = (byte)'\\';
                destination[at++] = escaped;
            }
            else if (c < 0x80)
            {
                destination[at++] = (byte)c;
            }
            else
            {
                int units = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                int written = Encoding.UTF8.GetBytes(text.Slice(i, units), one);
                one[..written].CopyTo(destination[at..]);
                at += written;
                i += units - 1;
            }
        }

        destination[at++] = quote;
        return at;
    }
}
