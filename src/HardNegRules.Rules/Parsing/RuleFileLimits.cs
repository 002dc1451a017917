namespace HardNegRules.Rules.Parsing;

/// <summary>
/// The limits of a rule file. They keep a mistaken or hostile file (a generated vocabulary gone wrong, a file of
/// thousands of nested brackets) from exhausting memory or the stack of the build or of <c>hardneg</c>; a file over a
/// limit is the error HNR016 at the place where the limit was crossed.
/// </summary>
public static class RuleFileLimits
{
    /// <summary>
    /// The most characters (UTF-16 units; bytes for ASCII text) a rule file may hold: 8 MiB. A vocabulary of 50,000
    /// terms with variants and plurals takes about 2 MB.
    /// </summary>
    public const int MaxChars = 8 * 1024 * 1024;

    /// <summary>
    /// The deepest nesting of YAML collections (mappings and lists) in a rule file: 32. The rule language itself needs 6
    /// (file, categories, a category's list, a term, its properties, its variants).
    /// </summary>
    public const int MaxDepth = 32;
}
