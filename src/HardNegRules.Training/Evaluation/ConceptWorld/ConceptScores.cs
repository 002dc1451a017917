namespace HardNegRules.Training.Evaluation.ConceptWorld;

/// <summary>
/// Accuracy (0 to 1) per concept of the concept world and their unweighted mean. A concept with no test item is null
/// (a tiny world may have none), and the mean is over the concepts that have items.
/// </summary>
/// <param name="Color">Items that change a color.</param>
/// <param name="Shape">Items that change a shape.</param>
/// <param name="Size">Items that change a size.</param>
/// <param name="Location">Items that change a position.</param>
/// <param name="Mean">The mean of the concepts above that have items.</param>
public sealed record ConceptScores(
    double? Color,
    double? Shape,
    double? Size,
    double? Location,
    double? Mean)
{
    /// <summary>The concept names in report order.</summary>
    public static IReadOnlyList<string> ConceptNames { get; } = ["color", "shape", "size", "location"];

    /// <summary>The scores of a report whose concepts are named as in <see cref="ConceptNames"/>.</summary>
    /// <param name="report">The report; null when there were no items at all.</param>
    /// <returns>The scores.</returns>
    public static ConceptScores From(ConceptAccuracyReport? report)
    {
        double? Of(string name) => report?.Concepts.FirstOrDefault(c => c.Concept == name)?.Accuracy;
        double? color = Of("color"), shape = Of("shape"), size = Of("size"), location = Of("location");
        double[] present = [.. new[] { color, shape, size, location }.Where(v => v.HasValue).Select(v => v!.Value)];
        return new ConceptScores(color, shape, size, location, present.Length > 0 ? present.Average() : null);
    }

    /// <summary>The score of one concept by name (or "mean").</summary>
    /// <param name="name">color, shape, size, location or mean.</param>
    /// <returns>The score, or null.</returns>
    public double? this[string name] => name switch
    {
        "color" => Color,
        "shape" => Shape,
        "size" => Size,
        "location" => Location,
        "mean" => Mean,
        _ => throw new ArgumentException($"Unknown concept '{name}'.", nameof(name)),
    };
}
