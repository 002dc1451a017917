namespace HardNegRules.Data.ConceptWorld.Scenes;

/// <summary>Edits of one concept of a scene graph; the building blocks of twins and text negatives.</summary>
public static class SceneEdits
{
    /// <summary>
    /// Swaps one concept between objects <paramref name="first"/> and <paramref name="second"/>: their colors, shapes,
    /// sizes, or positions (cell and in-cell offset). The multiset of values, the bag of words, stays the same.
    /// </summary>
    /// <param name="scene">The scene.</param>
    /// <param name="first">An object index.</param>
    /// <param name="second">Another object index.</param>
    /// <param name="concept">Exactly one of color, shape, size, location.</param>
    /// <returns>The edited scene.</returns>
    public static Scene Swap(Scene scene, int first, int second, WorldConcepts concept)
    {
        ArgumentNullException.ThrowIfNull(scene);
        SceneObject a = scene.Objects[first], b = scene.Objects[second];
        (SceneObject newA, SceneObject newB) = concept switch
        {
            WorldConcepts.Color => (a with { Color = b.Color }, b with { Color = a.Color }),
            WorldConcepts.Shape => (a with { Shape = b.Shape }, b with { Shape = a.Shape }),
            WorldConcepts.Size => (a with { Size = b.Size }, b with { Size = a.Size }),
            WorldConcepts.Location => (
                a with { Cell = b.Cell, JitterX = b.JitterX, JitterY = b.JitterY },
                b with { Cell = a.Cell, JitterX = a.JitterX, JitterY = a.JitterY }),
            _ => throw new ArgumentOutOfRangeException(nameof(concept), concept, "Swap one of color, shape, size, location."),
        };

        // Replace both at once: swapping positions one object at a time would put two objects in one cell.
        SceneObject[] objects = [.. scene.Objects];
        objects[first] = newA;
        objects[second] = newB;
        return new Scene(scene.Background, objects);
    }

    /// <summary>The object's value of one concept, as a comparable value (a <see cref="GridCell"/> for location).</summary>
    /// <param name="item">The object.</param>
    /// <param name="concept">Exactly one concept.</param>
    /// <returns>The value.</returns>
    public static object ValueOf(SceneObject item, WorldConcepts concept)
    {
        ArgumentNullException.ThrowIfNull(item);
        return concept switch
        {
            WorldConcepts.Color => item.Color,
            WorldConcepts.Shape => item.Shape,
            WorldConcepts.Size => item.Size,
            WorldConcepts.Location => item.Cell,
            _ => throw new ArgumentOutOfRangeException(nameof(concept), concept, "One of color, shape, size, location."),
        };
    }

    /// <summary>The single concepts in the order twins and negatives are made.</summary>
    public static IReadOnlyList<WorldConcepts> SingleConcepts { get; } =
        [WorldConcepts.Color, WorldConcepts.Shape, WorldConcepts.Size, WorldConcepts.Location];
}
