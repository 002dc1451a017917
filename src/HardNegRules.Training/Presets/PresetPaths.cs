namespace HardNegRules.Training.Presets;

/// <summary>
/// The preset keys that hold paths, and their checks. A path is relative to the current directory or absolute; a run
/// folder's <c>run.json</c> stores them absolute, so that <c>hardneg eval</c> finds the same files from anywhere.
/// </summary>
public static class PresetPaths
{
    /// <summary>The keys whose values are paths.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["data.captions", "data.images", "data.labels", "model.weights"];

    /// <summary>The overrides with every path value made absolute (against the current directory).</summary>
    /// <param name="overrides">Overrides <c>section.key=value</c>.</param>
    /// <returns>The same overrides in the same order.</returns>
    public static List<string> Absolute(IEnumerable<string> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var result = new List<string>();
        foreach (string entry in overrides)
        {
            int equals = entry.IndexOf('=', StringComparison.Ordinal);
            string value = equals > 0 ? entry[(equals + 1)..].Trim() : string.Empty;
            bool isPath = equals > 0 && Keys.Contains(entry[..equals].Trim(), StringComparer.Ordinal)
                && value.Length > 0 && value is not ("null" or "~");
            result.Add(isPath ? $"{entry[..equals].Trim()}={Path.GetFullPath(value)}" : entry);
        }
        return result;
    }

    /// <summary>The full path of an existing file.</summary>
    /// <param name="preset">The preset (named in the error).</param>
    /// <param name="key">The key, e.g. <c>data.captions</c>.</param>
    /// <param name="value">Its value; null when the preset does not set it.</param>
    /// <param name="what">What the key should name, for the error when it is not set.</param>
    /// <returns>The full path.</returns>
    /// <exception cref="PresetException">The key is not set, or names no file.</exception>
    public static string ExistingFile(Preset preset, string key, string? value, string what) =>
        Existing(preset, key, value, what, File.Exists, "file");

    /// <summary>The full path of an existing folder.</summary>
    /// <param name="preset">The preset (named in the error).</param>
    /// <param name="key">The key, e.g. <c>data.images</c>.</param>
    /// <param name="value">Its value; null when the preset does not set it.</param>
    /// <param name="what">What the key should name, for the error when it is not set.</param>
    /// <returns>The full path.</returns>
    /// <exception cref="PresetException">The key is not set, or names no folder.</exception>
    public static string ExistingFolder(Preset preset, string key, string? value, string what) =>
        Existing(preset, key, value, what, Directory.Exists, "folder");

    /// <summary>The full path of an existing file or folder.</summary>
    /// <param name="preset">The preset (named in the error).</param>
    /// <param name="key">The key, e.g. <c>model.weights</c>.</param>
    /// <param name="value">Its value; null when the preset does not set it.</param>
    /// <param name="what">What the key should name, for the error when it is not set.</param>
    /// <returns>The full path.</returns>
    /// <exception cref="PresetException">The key is not set, or names nothing.</exception>
    public static string ExistingPath(Preset preset, string key, string? value, string what) =>
        Existing(preset, key, value, what, p => File.Exists(p) || Directory.Exists(p), "file or folder");

    private static string Existing(Preset preset, string key, string? value, string what, Func<string, bool> exists, string kind)
    {
        ArgumentNullException.ThrowIfNull(preset);
        string origin = $"preset '{preset.Name}'";
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new PresetException(origin, 0, 0,
                $"{key} is required for data.source {preset.Data.Source}: pass --set {key}=PATH ({what}).");
        }
        string full = Path.GetFullPath(value);
        return exists(full)
            ? full
            : throw new PresetException(origin, 0, 0, full == value
                ? $"{key}: no {kind} '{value}'."
                : $"{key}: no {kind} '{value}' ({full}: relative paths are taken from the current directory).");
    }
}
