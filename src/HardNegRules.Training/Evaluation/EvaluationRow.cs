using System.Text.Json.Serialization;

namespace HardNegRules.Training.Evaluation;

/// <summary>
/// One number of an evaluation, in the flat form every suite reduces to, so that one renderer prints any suite and
/// two models line up row by row.
/// </summary>
/// <param name="Suite">The suite (preset, sugarcrepe, inpaintcoco, winoground, aro).</param>
/// <param name="Group">What the number is about within the suite (a concept, a category, a tag, an ARO set).</param>
/// <param name="Measure">What is measured (accuracy, text, image, group, i2t_r1, ...).</param>
/// <param name="Items">The items the number is over; null where a count would mislead (a mean over groups).</param>
/// <param name="Value">A fraction in [0, 1]; null when nothing was evaluated.</param>
public sealed record EvaluationRow(
    string Suite,
    string Group,
    string Measure,
    int? Items,
    double? Value)
{
    /// <summary>The row's identity across models: suite, group and measure.</summary>
    [JsonIgnore]
    public string Key => $"{Suite}\u001f{Group}\u001f{Measure}";
}
