using HardNegRules.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
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

    /// <summary>The largest preset file read, in bytes (presets are a few kilobytes).</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>The deepest nesting of mappings and lists read (a preset needs 3: section, key, list or mapping).</summary>
    public const int MaxDepth = 32;

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
        // A pipe or device is refused before it is opened (opening a FIFO blocks); then the length bounds the read.
        InputFile.EnsureRegular(path);
        long length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw new PresetException(path, 0, 0,
                $"the file has {length:N0} bytes; a preset is at most {MaxFileBytes:N0} (is this the right file?).");
        }
        string text = length == 0 ? string.Empty : InputFile.ReadAllText(path);
        if (ReadDocument(text, path) is null)
        {
            throw new PresetException(path, 0, 0,
                "the preset file is empty; a preset is a mapping with sections data, rules, model, schedule, evaluation (see rules/presets/).");
        }
        var preset = new Preset { Name = Path.GetFileNameWithoutExtension(path) };
        return Parse(text, path, overrides, preset);
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
        if (yaml.Length > MaxFileBytes)
        {
            throw new PresetException(source, 0, 0, $"the text has {yaml.Length:N0} characters; a preset is at most {MaxFileBytes:N0}.");
        }
        CheckShape(yaml, source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw PresetValue.ErrorAt(e.Start, source, $"malformed YAML: {e.Message}");
        }
#pragma warning disable CA1031 // the tree builder reports some problems (equal complex keys) as other exception types
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
#pragma warning restore CA1031
        {
            throw new PresetException(source, 0, 0, $"malformed YAML: {e.Message}");
        }
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    // One pass over the parser's events before the tree is built: the tree builder recurses once per level, so depth
    // is bounded here; a duplicate key is located here (the builder reports it without a place); and a syntax error
    // is located at the parser's position whatever exception type reports it.
    private static void CheckShape(string yaml, string source)
    {
        var parser = new Parser(new StringReader(yaml));
        var mappings = new Stack<MappingKeys?>(); // null for a list
        int documents = 0;
        Mark position = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                ParsingEvent current = parser.Current!;
                if (current is DocumentStart && ++documents > 1)
                {
                    throw PresetValue.ErrorAt(current.Start, source, "a second YAML document ('---'); a preset file holds one document.");
                }
                if (current is Scalar or MappingStart or SequenceStart or AnchorAlias
                    && mappings.TryPeek(out MappingKeys? keys) && keys is not null)
                {
                    keys.Next(current, source);
                }
                if (current is MappingStart or SequenceStart)
                {
                    if (mappings.Count == MaxDepth)
                    {
                        throw PresetValue.ErrorAt(current.Start, source,
                            $"mappings and lists are nested more than {MaxDepth} levels deep; a preset needs 3 (section, key, value).");
                    }
                    mappings.Push(current is MappingStart ? new MappingKeys() : null);
                }
                else if (current is MappingEnd or SequenceEnd)
                {
                    mappings.Pop();
                }
                position = current.End;
            }
        }
        catch (YamlException e)
        {
            throw PresetValue.ErrorAt(ProblemMark(e, yaml, position), source, $"malformed YAML: {Describe(e)}");
        }
#pragma warning disable CA1031 // YamlDotNet throws other exception types on some malformed input
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
#pragma warning restore CA1031
        {
            throw PresetValue.ErrorAt(position, source,
                "malformed YAML after this point (an unclosed bracket, brace or quote?).");
        }
    }

    // The keys of one mapping seen so far: events alternate key, value.
    private sealed class MappingKeys
    {
        private readonly Dictionary<string, Mark> _seen = new(StringComparer.Ordinal);
        private bool _atValue;

        public void Next(ParsingEvent node, string source)
        {
            if (!_atValue && node is Scalar { Value: var key })
            {
                if (_seen.TryGetValue(key, out Mark first))
                {
                    throw PresetValue.ErrorAt(node.Start, source,
                        $"duplicate key '{key}' (first at line {first.Line}); give each key once.");
                }
                _seen.Add(key, node.Start);
            }
            _atValue = !_atValue;
        }
    }

    // The scanner's mark is the start of the token it was reading (for a tab, the mapping that holds it, often
    // (1,1)); the offending character is better: the first tab in a line's indentation, or where the scanner stopped.
    private static Mark ProblemMark(YamlException e, string yaml, Mark lastGood)
    {
        if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentingTab(yaml) is { } tab)
        {
            return tab;
        }
        return e.End.Line > 0 && (e.End.Line > e.Start.Line || e.End.Column > e.Start.Column) ? e.End
            : e.Start.Line > 0 ? e.Start
            : lastGood;
    }

    private static Mark? FirstIndentingTab(string yaml)
    {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < yaml.Length; i++)
        {
            if (yaml[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (yaml[i] == '\t' && yaml.AsSpan(lineStart, i - lineStart).Trim(' ').IsEmpty)
            {
                return new Mark(i, line, i - lineStart + 1);
            }
        }
        return null;
    }

    private static string Describe(YamlException e) =>
        e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase)
            ? $"{e.Message} YAML indents with spaces, never tabs."
            : e.Message;
}
