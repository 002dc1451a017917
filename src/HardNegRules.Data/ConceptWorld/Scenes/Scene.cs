using System.Collections.ObjectModel;

namespace HardNegRules.Data.ConceptWorld.Scenes;

/// <summary>
/// A scene graph: a background and one to three objects in distinct grid cells. Equality is by value (objects compared
/// in order), so tests and twin checks can compare graphs directly.
/// </summary>
public sealed class Scene : IEquatable<Scene>
{
    /// <summary>Creates a scene.</summary>
    /// <param name="background">The background.</param>
    /// <param name="objects">The objects; each in its own valid grid cell.</param>
    /// <exception cref="ArgumentException">The objects are empty, too many, off the grid or share a cell.</exception>
    public Scene(SceneBackground background, IEnumerable<SceneObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        SceneObject[] copy = [.. objects];
        if (copy.Length is 0 or > MaxObjects)
        {
            throw new ArgumentException($"A scene has 1 to {MaxObjects} objects, not {copy.Length}.", nameof(objects));
        }

        var usedCells = new HashSet<GridCell>();
        foreach (SceneObject item in copy)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(objects));
            if (!item.Cell.IsValid || !usedCells.Add(item.Cell))
            {
                throw new ArgumentException($"Object cell {item.Cell} is off the grid or already taken.", nameof(objects));
            }
        }

        Background = background;
        Objects = new ReadOnlyCollection<SceneObject>(copy);
    }

    /// <summary>The largest number of objects in a scene.</summary>
    public const int MaxObjects = 3;

    /// <summary>The background.</summary>
    public SceneBackground Background { get; }

    /// <summary>The objects, in sampling order (the order carries no meaning).</summary>
    public IReadOnlyList<SceneObject> Objects { get; }

    /// <summary>A copy with object <paramref name="index"/> replaced.</summary>
    /// <param name="index">The object's index.</param>
    /// <param name="replacement">The new object.</param>
    /// <returns>The new scene.</returns>
    public Scene WithObject(int index, SceneObject replacement)
    {
        SceneObject[] objects = [.. Objects];
        objects[index] = replacement;
        return new Scene(Background, objects);
    }

    /// <summary>Whether any object has the color-shape pair.</summary>
    /// <param name="pair">The pair.</param>
    /// <returns>True when present.</returns>
    public bool Contains(ColorShapePair pair) => Objects.Any(o => o.Has(pair));

    /// <inheritdoc/>
    public bool Equals(Scene? other) =>
        other is not null && Background == other.Background && Objects.SequenceEqual(other.Objects);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Scene);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        int hash = Background.GetHashCode();
        foreach (SceneObject item in Objects)
        {
            hash = unchecked((hash * 31) + item.GetHashCode());
        }

        return hash;
    }

    /// <summary>A readable one-line description for test messages, e.g. "small red circle@(0,1); large blue square@(2,0)".</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Join(
        "; ",
        Objects.Select(o => $"{WorldVocabulary.SizeWord(o.Size)} {WorldVocabulary.ColorWord(o.Color)} {WorldVocabulary.ShapeWord(o.Shape)}@({o.Cell.Column},{o.Cell.Row})"));
}
