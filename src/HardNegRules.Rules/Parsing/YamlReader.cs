using System.Globalization;
using HardNegRules.Rules.Diagnostics;
using HardNegRules.Rules.Model;
using HardNegRules.Rules.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HardNegRules.Rules.Parsing;

/// <summary>
/// Reads YAML into nodes with places, and turns nodes into typed values, reporting every mistake as a diagnostic at the
/// node that holds it. Never throws on bad input.
/// </summary>
internal sealed class YamlReader
{
    private readonly string _path;
    private readonly List<RuleDiagnostic> _diagnostics;

    public YamlReader(string path, List<RuleDiagnostic> diagnostics)
    {
        _path = path;
        _diagnostics = diagnostics;
    }

    public bool HasErrors { get; private set; }

    /// <summary>
    /// Parses the text into its root node; null (with an error reported) when it is not valid YAML, not valid UTF-8 or
    /// over a limit of <see cref="RuleFileLimits"/>.
    /// </summary>
    public YamlNode? Load(string text)
    {
        if (text.Length > RuleFileLimits.MaxChars)
        {
            Error(RuleErrors.OverLimit,
                $"The rule file holds {text.Length:N0} characters, over the limit of {RuleFileLimits.MaxChars:N0}: split its concepts into several files.",
                SourceSpan.StartOf(_path));
            return null;
        }

        int bad = RuleTextScan.FirstReplacementChar(text);
        if (bad >= 0)
        {
            (int line, int column) = RuleTextScan.LineColumn(text, bad);
            Error(RuleErrors.InvalidText,
                "The rule file is not valid UTF-8 here (or holds the replacement character U+FFFD): save it as UTF-8 and retype the text at this place.",
                new SourceSpan(_path, bad, 1, line, column, line, column + 1));
            return null;
        }

        var parser = new DepthLimitedParser(new Parser(new StringReader(text)), RuleFileLimits.MaxDepth);
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count == 0)
            {
                Error(RuleErrors.MissingKey, "The rule file is empty: write 'concept: <name>' and its terms, or 'pack: <name>'.", SourceSpan.StartOf(_path));
                return null;
            }

            if (stream.Documents.Count > 1)
            {
                Error(RuleErrors.MalformedYaml, "A rule file holds one YAML document; remove the extra '---' or split the file.", At(stream.Documents[1].RootNode));
            }

            return stream.Documents[0].RootNode;
        }
        catch (YamlException) when (parser.TooDeep is { } deep)
        {
            Error(RuleErrors.OverLimit,
                $"Lists and mappings are nested more than {RuleFileLimits.MaxDepth} deep here; the rule language needs at most 6 levels: close the brackets or remove the extra indentation.",
                At(deep.Start, deep.End));
            return null;
        }
        catch (YamlException e)
        {
            ReportYamlError(text, Clean(e.Message), e.Start, e.End);
            return null;
        }
#pragma warning disable CA1031 // YamlDotNet throws other exceptions on some malformed input; a rule error must never be a crash.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Seen for a '[' or '{' left open at the end of the file: the exception's own message names no YAML rule.
            Mark mark = parser.Current?.Start ?? Mark.Empty;
            ReportYamlError(text, "the file ends or breaks off inside a structure: check for an unclosed '[', '{' or quote near here.", mark, mark);
            return null;
        }
    }

    private void ReportYamlError(string text, string message, Mark start, Mark end)
    {
        // YamlDotNet reports a tab in indentation at the node it was reading, which may start lines earlier.
        int tab = message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0 ? RuleTextScan.FirstIndentTab(text, (int)start.Index) : -1;
        if (tab >= 0)
        {
            (int line, int column) = RuleTextScan.LineColumn(text, tab);
            Error(RuleErrors.MalformedYaml, "Not valid YAML: a tab in the indentation; YAML indents with spaces only: replace the tab with spaces.",
                new SourceSpan(_path, tab, 1, line, column, line, column + 1));
            return;
        }

        Error(RuleErrors.MalformedYaml, $"Not valid YAML: {message}", At(start, end));
    }

    public SourceSpan At(YamlNode node) => At(node.Start, node.End);

    public SourceSpan At(Mark start, Mark end)
    {
        int startIndex = (int)start.Index;
        int endIndex = Math.Max(startIndex, (int)end.Index);
        int line = Math.Max(1, (int)start.Line);
        int column = Math.Max(1, (int)start.Column);
        int endLine = Math.Max(line, (int)end.Line);
        int endColumn = endLine == line ? Math.Max(column, (int)end.Column) : Math.Max(1, (int)end.Column);
        return new SourceSpan(_path, startIndex, endIndex - startIndex, line, column, endLine, endColumn);
    }

    public void Error(string id, string message, SourceSpan span)
    {
        HasErrors = true;
        _diagnostics.Add(new RuleDiagnostic(id, RuleSeverity.Error, message, span));
    }

    public YamlMappingNode? Mapping(YamlNode node, string what)
    {
        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }

        Error(RuleErrors.InvalidValue, $"{what} must be a mapping of 'key: value' lines.", At(node));
        return null;
    }

    public IEnumerable<YamlNode> Sequence(YamlNode node, string what)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children;
        }

        if (node is YamlScalarNode scalar && IsNull(scalar))
        {
            return Enumerable.Empty<YamlNode>();
        }

        Error(RuleErrors.InvalidValue, $"{what} must be a list ('- item' lines or [a, b]).", At(node));
        return Enumerable.Empty<YamlNode>();
    }

    /// <summary>A scalar string, or a one-item list of strings accepted as a list; reports anything else.</summary>
    public Located<string>? Text(YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar && scalar.Value is { } value && !IsNull(scalar))
        {
            string trimmed = value.Trim();
            if (trimmed.Length > 0)
            {
                return new Located<string>(trimmed, At(node));
            }
        }

        Error(RuleErrors.InvalidValue, $"{what} must be a non-empty text.", At(node));
        return null;
    }

    /// <summary>A list of texts written as one text or as a list.</summary>
    public List<Located<string>> Texts(YamlNode node, string what)
    {
        var result = new List<Located<string>>();
        if (node is YamlScalarNode)
        {
            if (Text(node, what) is { } single)
            {
                result.Add(single);
            }

            return result;
        }

        foreach (YamlNode item in Sequence(node, what))
        {
            if (Text(item, $"Each item of {what}") is { } text)
            {
                result.Add(text);
            }
        }

        return result;
    }

    public double? Number(YamlNode node, string what, double min, double max)
    {
        if (node is YamlScalarNode { Value: { } value } &&
            double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) &&
            number >= min && number <= max)
        {
            return number;
        }

        Error(RuleErrors.InvalidValue, $"{what} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.", At(node));
        return null;
    }

    public T? Choice<T>(YamlNode node, string what, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        if (node is YamlScalarNode { Value: { } value } && choices.TryGetValue(value.Trim(), out T choice))
        {
            return choice;
        }

        Error(RuleErrors.InvalidValue, $"{what} must be one of: {string.Join(", ", choices.Keys)}.", At(node));
        return null;
    }

    /// <summary>The entries of a mapping whose keys are texts; reports keys outside <paramref name="known"/>.</summary>
    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(YamlMappingNode mapping, string what, IReadOnlyCollection<string>? known)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Children)
        {
            if (pair.Key is not YamlScalarNode { Value: { } key })
            {
                Error(RuleErrors.InvalidValue, $"Keys of {what} must be plain words.", At(pair.Key));
                continue;
            }

            if (known is not null && !known.Contains(key))
            {
                string? near = NearestName.Find(key, known, maxDistance: 2);
                string hint = near is null ? string.Empty : $" Did you mean '{near}'?";
                Error(RuleErrors.UnknownKey, $"Unknown key '{key}' in {what}.{hint} Known keys: {string.Join(", ", known)}.", At(pair.Key));
                continue;
            }

            if (!seen.Add(key))
            {
                Error(RuleErrors.InvalidValue, $"'{key}' is given twice in {what}; keep one.", At(pair.Key));
                continue;
            }

            yield return (key, pair.Key, pair.Value);
        }
    }

    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && (scalar.Value is null || scalar.Value.Length == 0 || scalar.Value == "~" || scalar.Value == "null");

    private static string Clean(string message) => message.Replace("\r", " ").Replace("\n", " ");
}
