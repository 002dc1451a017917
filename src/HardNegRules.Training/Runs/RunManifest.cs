using System.Text.Json;
using HardNegRules.Data.IO;

namespace HardNegRules.Training.Runs;

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

    /// <summary>The largest manifest read, in bytes (a manifest is a preset name and a few overrides).</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>The deepest JSON nesting read (a manifest needs 2).</summary>
    public const int MaxDepth = 8;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, MaxDepth = MaxDepth };

    /// <summary>Writes the manifest into <paramref name="directory"/>.</summary>
    /// <param name="directory">The run folder.</param>
    public void Write(string directory)
    {
        AtomicFile.Write(Path.Combine(directory, FileName), stream => JsonSerializer.Serialize(stream, this, Json));
    }

    /// <summary>Reads the manifest of a run folder, or null if it has none.</summary>
    /// <param name="directory">The run folder.</param>
    /// <returns>The manifest or null.</returns>
    /// <exception cref="InvalidDataException">The file is not a manifest (too large, not JSON, nested too deep, or
    /// without a preset); the message names the file and the place.</exception>
    public static RunManifest? TryRead(string directory)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }
        long length = new FileInfo(path).Length;
        if (length is 0 or > MaxFileBytes)
        {
            throw new InvalidDataException(
                $"{path}: {length:N0} bytes is not a run manifest (at most {MaxFileBytes:N0}); remove it or pass --preset.");
        }
        RunManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<RunManifest>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"{path}({(e.LineNumber ?? 0) + 1},{(e.BytePositionInLine ?? 0) + 1}): not a valid run manifest ({FirstSentence(e.Message)}); remove it or pass --preset.", e);
        }
        return manifest is { Preset.Length: > 0, Overrides: not null } && manifest.Overrides.All(o => o is not null)
            ? manifest
            : throw new InvalidDataException($"{path}: a run manifest needs \"Preset\" and \"Overrides\"; remove it or pass --preset.");
    }

    private static string FirstSentence(string message)
    {
        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return "a value of the wrong type";
        }
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
