using System.Reflection;

namespace HardNegRules.Training.Presets;

/// <summary>
/// Finds a preset by name: a path to a YAML file, or the name of a built-in preset. The built-in presets are the files
/// of <c>rules/presets/</c>, embedded in this library at build, so they are found wherever the program runs.
/// </summary>
public static class PresetCatalog
{
    /// <summary>The preset used when none is named.</summary>
    public const string DefaultName = "concept-world";

    private const string ResourcePrefix = "presets/";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> BuiltIn = new(ReadBuiltIn);

    /// <summary>The names of the built-in presets, in order.</summary>
    public static IReadOnlyList<string> Names => [.. BuiltIn.Value.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Finds and loads a preset.</summary>
    /// <param name="nameOrPath">A YAML file path, or the name of a built-in preset.</param>
    /// <param name="overrides">Overrides <c>section.key=value</c>.</param>
    /// <returns>The preset.</returns>
    /// <exception cref="PresetException">No such preset, or it is invalid.</exception>
    public static Preset Load(string nameOrPath, IEnumerable<string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        if (File.Exists(nameOrPath))
        {
            return PresetLoader.LoadFile(Path.GetFullPath(nameOrPath), overrides);
        }
        if (BuiltIn.Value.TryGetValue(nameOrPath, out string? yaml))
        {
            return PresetLoader.Parse(yaml, $"{PresetLoader.PresetFolder}/{nameOrPath}.yaml", overrides, new Preset { Name = nameOrPath });
        }
        throw new PresetException(nameOrPath, 0, 0,
            $"no preset of that name and no such file; the built-in presets ({PresetLoader.PresetFolder}/*.yaml) are {string.Join(", ", Names)}.");
    }

    /// <summary>Finds and loads a preset and applies typed edits to it (the overrides they carry last).</summary>
    /// <param name="nameOrPath">A YAML file path, or the name of a built-in preset.</param>
    /// <param name="edits">The edits.</param>
    /// <returns>The preset.</returns>
    /// <exception cref="PresetException">No such preset, or it or an override is invalid.</exception>
    public static Preset Load(string nameOrPath, PresetEdits edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        return edits.ApplyTo(Load(nameOrPath));
    }

    private static Dictionary<string, string> ReadBuiltIn()
    {
        Assembly assembly = typeof(PresetCatalog).Assembly;
        var presets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            presets[Path.GetFileNameWithoutExtension(resource[ResourcePrefix.Length..])] = reader.ReadToEnd();
        }
        return presets;
    }
}
