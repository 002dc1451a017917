namespace HardNegRules.Rules.Compilation;

/// <summary>How rule files are named: which pack a file belongs to and how its place is shown.</summary>
public static class RulePaths
{
    /// <summary>The pack of files directly under the rules folder.</summary>
    public const string DefaultPack = "default";

    /// <summary>The folder under rules/ that holds training presets, not rules.</summary>
    public const string PresetsFolder = "presets";

    private static readonly char[] Separators = { '/' };

    /// <summary>
    /// The pack of a file given its path relative to the rules folder: "default" for "color.yaml", "fashion200k" for
    /// "fashion200k/material.yaml". Null for files that are not rules (presets, deeper folders).
    /// </summary>
    /// <param name="relativePath">The path relative to the rules folder, with '/' or '\' separators.</param>
    /// <returns>The pack, or null.</returns>
    public static string? PackOf(string relativePath)
    {
        string[] parts = relativePath.Replace('\\', '/').Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            1 => DefaultPack,
            2 when !string.Equals(parts[0], PresetsFolder, StringComparison.Ordinal) => parts[0],
            _ => null,
        };
    }

    /// <summary>
    /// Splits an absolute path at its last "rules" folder: the part after it, or null when the path has no such folder.
    /// </summary>
    /// <param name="path">A path.</param>
    /// <returns>The path relative to its rules folder, or null.</returns>
    public static string? RelativeToRulesFolder(string path)
    {
        string normalized = path.Replace('\\', '/');
        int index = normalized.LastIndexOf("/rules/", StringComparison.Ordinal);
        if (index >= 0)
        {
            return normalized.Substring(index + "/rules/".Length);
        }

        return normalized.StartsWith("rules/", StringComparison.Ordinal) ? normalized.Substring("rules/".Length) : null;
    }

    /// <summary>A short form of a rule file's path for provenance: "rules/color.yaml".</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The short form.</returns>
    public static string Display(string path)
    {
        string? relative = RelativeToRulesFolder(path);
        return relative is null ? path.Replace('\\', '/') : "rules/" + relative;
    }
}
