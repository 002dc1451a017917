using HardNegRules.Data.ConceptWorld.Scenes;

namespace HardNegRules.Training.Evaluation.Probes;

/// <summary>The probe's label space: one label per (color, shape) conjunction of the world's vocabulary.</summary>
public static class ConjunctionLabels
{
    private static readonly int ShapeCount = Enum.GetValues<ObjectShape>().Length;

    /// <summary>The number of conjunction labels (colors times shapes).</summary>
    public static int Count { get; } = Enum.GetValues<ObjectColor>().Length * ShapeCount;

    /// <summary>The label of an object's color-shape conjunction.</summary>
    /// <param name="item">The object.</param>
    /// <returns>Its label, in [0, <see cref="Count"/>).</returns>
    public static int Of(SceneObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return ((int)item.Color * ShapeCount) + (int)item.Shape;
    }

    /// <summary>The set of conjunctions present in a scene.</summary>
    /// <param name="scene">The scene.</param>
    /// <returns>Its labels.</returns>
    public static HashSet<int> Of(Scene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        return [.. scene.Objects.Select(Of)];
    }
}
