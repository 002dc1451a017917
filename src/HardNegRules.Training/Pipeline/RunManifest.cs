using System.Text.Json;

namespace HardNegRules.Training.Pipeline;

/// <summary>
/// <c>run.json</c> in a run folder: the preset and overrides a run was trained with, so that <c>hardneg eval</c> can
/// rebuild the same model and test data from a checkpoint alone.
/// </summary>
/// <param name="Preset">The preset's name or file.</param>
/// <param name="Overrides">The overrides (<c>section.key=value</c>), in order.</param>
public sealed record RunManifest(string Preset, IReadOnlyList<string> Overrides)
{
    /// <summary>The file name inside a run folder.</summary>
    public const string FileName = "run.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Writes the manifest into <paramref name="directory"/>.</summary>
    /// <param name="directory">The run folder.</param>
    public void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, Json));
    }

    /// <summary>Reads the manifest of a run folder, or null if it has none.</summary>
    /// <param name="directory">The run folder.</param>
    /// <returns>The manifest or null.</returns>
    public static RunManifest? TryRead(string directory)
    {
        string path = Path.Combine(directory, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(path), Json) : null;
    }
}
