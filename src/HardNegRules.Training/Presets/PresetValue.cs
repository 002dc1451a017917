using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HardNegRules.Training.Presets;

/// <summary>One value of a preset (a YAML node and where it came from), converted with errors that name its place.</summary>
internal sealed class PresetValue(YamlNode node, string source, string key)
{
    public YamlNode Node => node;

    public PresetException Error(string problem) => ErrorAt(node.Start, source, problem);

    public static PresetException ErrorAt(Mark mark, string source, string problem) =>
        new(source, (int)mark.Line, (int)mark.Column, problem);

    public string String()
    {
        if (node is not YamlScalarNode { Value: { } value })
        {
            throw Error($"'{key}' must be a single value.");
        }
        return value;
    }

    public string? NullableString() => IsNull() ? null : String();

    public int Int(int min = int.MinValue) =>
        int.TryParse(String(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= min
            ? value
            : throw Error($"'{key}' must be a whole number{(min > int.MinValue ? $" >= {min}" : string.Empty)}; got '{String()}'.");

    public int? NullableInt(int min) => IsNull() ? null : Int(min);

    public ulong ULong() =>
        ulong.TryParse(String(), NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong value)
            ? value
            : throw Error($"'{key}' must be a non-negative whole number; got '{String()}'.");

    public double Double(double min, double max) =>
        double.TryParse(String(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= min && value <= max
            ? value
            : throw Error($"'{key}' must be a number between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}; got '{String()}'.");

    public bool Bool() => String() switch
    {
        "true" or "yes" => true,
        "false" or "no" => false,
        var other => throw Error($"'{key}' must be true or false; got '{other}'."),
    };

    public string OneOf(IReadOnlyList<string> allowed)
    {
        string value = String();
        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw Error($"'{key}' must be one of {string.Join(", ", allowed)}; got '{value}'.");
    }

    public IReadOnlyList<string> Strings() => [.. Items().Select(v => v.String())];

    public IReadOnlyList<int> Ints(int min) => [.. Items().Select(v => v.Int(min))];

    public IReadOnlyList<string> StringsOneOf(IReadOnlyList<string> allowed) => [.. Items().Select(v => v.OneOf(allowed))];

    public IReadOnlyDictionary<string, double> Weights()
    {
        if (node is not YamlMappingNode map)
        {
            throw Error($"'{key}' must be a mapping of concept to weight, e.g. {{ location: 3 }}.");
        }
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach ((YamlNode name, YamlNode weight) in map.Children)
        {
            string concept = new PresetValue(name, source, key).String();
            weights[concept] = new PresetValue(weight, source, $"{key}.{concept}").Double(0, 1e6);
        }
        return weights;
    }

    private bool IsNull() => node is YamlScalarNode { Value: null or "" or "null" or "~" };

    private IEnumerable<PresetValue> Items() => node is YamlSequenceNode sequence
        ? sequence.Children.Select(child => new PresetValue(child, source, key))
        : throw Error($"'{key}' must be a list, e.g. [a, b].");
}
