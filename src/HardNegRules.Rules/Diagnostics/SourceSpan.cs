namespace HardNegRules.Rules.Diagnostics;

/// <summary>A place in a rule file: character offsets and 1-based line and column, as YAML reports them.</summary>
/// <param name="Path">The rule file's path.</param>
/// <param name="Offset">The 0-based character offset of the start.</param>
/// <param name="Length">The length in characters (0 when only a point is known).</param>
/// <param name="Line">The 1-based line of the start.</param>
/// <param name="Column">The 1-based column of the start.</param>
/// <param name="EndLine">The 1-based line of the end.</param>
/// <param name="EndColumn">The 1-based column of the end.</param>
public sealed record SourceSpan(string Path, int Offset, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>A span at the start of a file, for errors that belong to a file as a whole.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The span.</returns>
    public static SourceSpan StartOf(string path) => new(path, 0, 0, 1, 1, 1, 1);

    /// <inheritdoc />
    public override string ToString() => $"{Path}({Line},{Column})";
}
