namespace HardNegRules.Training.Tokenization;

/// <summary>
/// GPT-2's reversible map from the 256 byte values to 256 printable characters, which CLIP's vocabulary is written in.
/// </summary>
/// <remarks>
/// Byte-level BPE needs every byte to be a visible, non-whitespace symbol so that merges can be stored as text lines.
/// Bytes that are already printable Latin-1 characters map to themselves; the other 68 (controls, space, DEL, NBSP,
/// soft hyphen) are moved, in byte order, to U+0100 and upwards.
/// </remarks>
internal static class ByteLevelAlphabet
{
    /// <summary>
    /// The 256 symbols in the order CLIP numbers them: first the bytes that map to themselves, in byte order, then the
    /// moved ones. Token id <c>i</c> (for i &lt; 256) is <c>SymbolsInVocabularyOrder[i]</c>.
    /// </summary>
    public static IReadOnlyList<char> SymbolsInVocabularyOrder { get; } = BuildSymbolsInVocabularyOrder();

    /// <summary>Whether byte <paramref name="value"/> stands for itself in the byte-level alphabet.</summary>
    public static bool IsSelfMapped(int value) =>
        value is >= '!' and <= '~' or >= '\u00A1' and <= '\u00AC' or >= '\u00AE' and <= '\u00FF';

    private static char[] BuildSymbolsInVocabularyOrder()
    {
        var symbols = new List<char>(256);
        for (var value = 0; value < 256; value++)
        {
            if (IsSelfMapped(value))
            {
                symbols.Add((char)value);
            }
        }

        var moved = 0;
        for (var value = 0; value < 256; value++)
        {
            if (!IsSelfMapped(value))
            {
                symbols.Add((char)(256 + moved));
                moved++;
            }
        }

        return [.. symbols];
    }
}
