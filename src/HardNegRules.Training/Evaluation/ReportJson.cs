using System.Text.Json;

namespace HardNegRules.Training.Evaluation;

/// <summary>
/// How every report is written (<c>hardneg bench --out</c>, <c>hardneg eval</c>, an experiment's <c>report.json</c>):
/// indented, keys in snake_case from the property names. A property whose key is not its name in snake_case
/// (<c>i2t_r1</c>, <c>rss</c>, ...) says so with <c>JsonPropertyName</c>.
/// </summary>
public static class ReportJson
{
    /// <summary>The serializer options of every report.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
