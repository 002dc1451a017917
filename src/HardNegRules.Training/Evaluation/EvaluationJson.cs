using System.Text.Json;

namespace HardNegRules.Training.Evaluation;

/// <summary>The JSON form in which evaluation results are written to reports and run folders.</summary>
/// <remarks>
/// Every result record serialises with <see cref="JsonSerializer"/> and any options; these are the ones the project
/// writes with, so that files from different runs diff cleanly: camelCase names, indented.
/// </remarks>
public static class EvaluationJson
{
    /// <summary>camelCase property names, indented output; read-only.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serialises a result record with <see cref="Options"/>.</summary>
    public static string Serialize<TResult>(TResult result) => JsonSerializer.Serialize(result, Options);

    /// <summary>Reads a result record written with <see cref="Options"/>.</summary>
    /// <exception cref="JsonException">The text is not a <typeparamref name="TResult"/>.</exception>
    public static TResult Deserialize<TResult>(string json) =>
        JsonSerializer.Deserialize<TResult>(json, Options)
        ?? throw new JsonException($"The JSON text is null, not a {typeof(TResult).Name}.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
