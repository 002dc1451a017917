using HardNegRules.IO;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HardNegRules.Training.Presets;

/// <summary>
/// Reads presets from YAML and applies command-line overrides (<c>section.key=value</c>). Every mistake is a
/// <see cref="PresetException"/> naming the file (or override), line and column and what would be accepted.
/// </summary>
public static class PresetLoader
{
    /// <summary>The folder of the built-in presets, relative to the repository root.</summary>
    public const string PresetFolder = "rules/presets";

    /// <summary>Reads a preset file.</summary>
    /// <param name="path">The YAML file.</param>
    /// <param name="overrides">Overrides <c>section.key=value</c>, applied in order after the file.</param>
    /// <returns>The preset; its name defaults to the file name.</returns>
    /// <exception cref="PresetException">The file or an override is invalid.</exception>
    public static Preset LoadFile(string path, IEnumerable<string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new PresetException(path, 0, 0, "the preset file does not exist.");
        }
        var preset = new Preset { Name = Path.GetFileNameWithoutExtension(path) };
        return Parse(InputFile.ReadAllText(path), path, overrides, preset);
    }

    /// <summary>Reads a preset from YAML text.</summary>
    /// <param name="yaml">The text.</param>
    /// <param name="source">Its name in error messages (usually the file path).</param>
    /// <param name="overrides">Overrides <c>section.key=value</c>, applied in order after the text.</param>
    /// <param name="defaults">The preset the text changes; null for the built-in defaults.</param>
    /// <returns>The preset.</returns>
    /// <exception cref="PresetException">The text or an override is invalid.</exception>
    public static Preset Parse(string yaml, string source, IEnumerable<string>? overrides = null, Preset? defaults = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(source);
        Preset preset = defaults ?? new Preset();
        YamlNode? root = ReadDocument(yaml, source);
        if (root is YamlMappingNode map)
        {
            preset = ApplyRoot(preset, map, source);
        }
        else if (root is not null)
        {
            throw PresetValue.ErrorAt(root.Start, source, "a preset is a mapping with sections data, rules, model, schedule, evaluation.");
        }
        foreach (string entry in overrides ?? [])
        {
            preset = ApplyOverride(preset, entry);
        }
        return preset;
    }

    /// <summary>Applies one override <c>section.key=value</c> (the value is YAML: <c>[a, b]</c> is a list).</summary>
    /// <param name="preset">The preset to change.</param>
    /// <param name="entry">The override.</param>
    /// <returns>The changed preset.</returns>
    /// <exception cref="PresetException">The override names no key or has a bad value.</exception>
    public static Preset ApplyOverride(Preset preset, string entry)
    {
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(entry);
        string source = $"override '{entry}'";
        int equals = entry.IndexOf('=', StringComparison.Ordinal);
        string[] path = equals > 0 ? entry[..equals].Trim().Split('.') : [];
        if (path.Length is < 1 or > 2)
        {
            throw new PresetException(source, 0, 0, "an override is section.key=value, e.g. schedule.steps=200.");
        }
        YamlNode value = ReadDocument(entry[(equals + 1)..], source) ?? new YamlScalarNode(string.Empty);
        var document = new YamlMappingNode();
        if (path.Length == 1)
        {
            document.Add(path[0], value);
        }
        else
        {
            document.Add(path[0], new YamlMappingNode { { path[1], value } });
        }
        try
        {
            return ApplyRoot(preset, document, source);
        }
        catch (PresetException e) when (e.Line > 0)
        {
            // The document was built here, not read: its line and column point nowhere the user wrote.
            throw new PresetException(source, 0, 0, e.Problem);
        }
    }

    private static Preset ApplyRoot(Preset preset, YamlMappingNode map, string source)
    {
        foreach ((YamlNode keyNode, YamlNode valueNode) in map.Children)
        {
            string key = new PresetValue(keyNode, source, "key").String();
            if (PresetKeys.TopLevel.TryGetValue(key, out Func<Preset, PresetValue, Preset>? apply))
            {
                preset = apply(preset, new PresetValue(valueNode, source, key));
            }
            else if (PresetKeys.Sections.TryGetValue(key, out IReadOnlyDictionary<string, Func<Preset, PresetValue, Preset>>? section))
            {
                preset = ApplySection(preset, key, section, valueNode, source);
            }
            else
            {
                string known = string.Join(", ", PresetKeys.TopLevel.Keys.Concat(PresetKeys.Sections.Keys));
                throw PresetValue.ErrorAt(keyNode.Start, source, $"unknown key '{key}'; a preset has {known}.");
            }
        }
        return preset;
    }

    private static Preset ApplySection(Preset preset, string name,
        IReadOnlyDictionary<string, Func<Preset, PresetValue, Preset>> keys, YamlNode node, string source)
    {
        if (node is not YamlMappingNode map)
        {
            throw PresetValue.ErrorAt(node.Start, source, $"'{name}' must be a mapping of keys: {string.Join(", ", keys.Keys)}.");
        }
        foreach ((YamlNode keyNode, YamlNode valueNode) in map.Children)
        {
            string key = new PresetValue(keyNode, source, name).String();
            if (!keys.TryGetValue(key, out Func<Preset, PresetValue, Preset>? apply))
            {
                throw PresetValue.ErrorAt(keyNode.Start, source,
                    $"unknown key '{key}' in '{name}'; it has {string.Join(", ", keys.Keys)}.");
            }
            preset = apply(preset, new PresetValue(valueNode, source, $"{name}.{key}"));
        }
        return preset;
    }

    private static YamlNode? ReadDocument(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw PresetValue.ErrorAt(e.Start, source, $"malformed YAML: {e.Message}");
        }
#pragma warning disable CA1031 // YamlDotNet throws other exception types on some malformed input (STACK.md)
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
#pragma warning restore CA1031
        {
            throw new PresetException(source, 0, 0, $"malformed YAML: {e.Message}");
        }
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }
}
