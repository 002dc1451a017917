namespace HardNegRules.Training.Presets;

/// <summary>
/// Finds a preset by name: a path to a YAML file, or NAME in <c>rules/presets/</c> of the repository (searched upwards
/// from the working directory and from the program's folder) or in the <c>presets/</c> folder next to the program.
/// </summary>
public static class PresetCatalog
{
    /// <summary>The preset used when none is named.</summary>
    public const string DefaultName = "concept-world";

    /// <summary>The file of preset <paramref name="nameOrPath"/>.</summary>
    /// <param name="nameOrPath">A preset name or a YAML file path.</param>
    /// <returns>The full path.</returns>
    /// <exception cref="PresetException">No such preset.</exception>
    public static string Find(string nameOrPath)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        if (File.Exists(nameOrPath))
        {
            return Path.GetFullPath(nameOrPath);
        }
        string file = nameOrPath + ".yaml";
        foreach (string folder in Folders())
        {
            string candidate = Path.Combine(folder, file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new PresetException(nameOrPath, 0, 0,
            $"no preset of that name (looked for {file} in {string.Join(", ", Folders().Distinct())}).");
    }

    /// <summary>Finds and loads a preset.</summary>
    /// <param name="nameOrPath">A preset name or a YAML file path.</param>
    /// <param name="overrides">Overrides <c>section.key=value</c>.</param>
    /// <returns>The preset.</returns>
    /// <exception cref="PresetException">No such preset, or it is invalid.</exception>
    public static Preset Load(string nameOrPath, IEnumerable<string>? overrides = null) =>
        PresetLoader.LoadFile(Find(nameOrPath), overrides);

    private static IEnumerable<string> Folders()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                string folder = Path.Combine(dir.FullName, PresetLoader.PresetFolder);
                if (Directory.Exists(folder))
                {
                    yield return folder;
                    break;
                }
            }
        }
        yield return Path.Combine(AppContext.BaseDirectory, "presets");
    }
}
