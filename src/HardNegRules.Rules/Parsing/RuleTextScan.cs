namespace HardNegRules.Rules.Parsing;

/// <summary>Finds places in a rule file's raw text that the YAML parser reports badly or not at all.</summary>
internal static class RuleTextScan
{
    /// <summary>
    /// The first U+FFFD: what a reader (the compiler, or <c>hardneg</c>) puts where bytes are not valid UTF-8. A term
    /// that holds one could never match a caption, so the file is refused rather than read with it.
    /// </summary>
    public static int FirstReplacementChar(string text) => text.IndexOf('\uFFFD');

    /// <summary>
    /// The first tab in the indentation of a line at or after <paramref name="from"/>; -1 when there is none. YAML
    /// forbids tabs there, but its parser reports the error at the start of the node it was reading, often a line
    /// earlier; the tab itself is where the author must look.
    /// </summary>
    public static int FirstIndentTab(string text, int from)
    {
        int lineStart = from <= 0 ? 0 : text.LastIndexOf('\n', Math.Min(from, text.Length) - 1) + 1;
        bool inIndent = true;
        for (int i = lineStart; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                inIndent = true;
            }
            else if (c == '\t' && inIndent)
            {
                return i;
            }
            else if (c != ' ' && c != '\r')
            {
                inIndent = false;
            }
        }

        return -1;
    }

    /// <summary>The 1-based line and column of a character offset.</summary>
    public static (int Line, int Column) LineColumn(string text, int offset)
    {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}
