using HardNegRules.Data.ConceptWorld.Scenes;

namespace HardNegRules.Data.ConceptWorld.CaptionChecking;

/// <summary>A described object: the shape, and the color and size when stated.</summary>
/// <param name="Shape">The shape.</param>
/// <param name="Color">The color, when stated.</param>
/// <param name="Size">The size, when stated.</param>
public sealed record ObjectDescription(ObjectShape Shape, ObjectColor? Color, ObjectSize? Size)
{
    /// <summary>Whether <paramref name="item"/> fits the description.</summary>
    /// <param name="item">The object.</param>
    /// <returns>True when every stated attribute matches.</returns>
    public bool Matches(SceneObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Shape == Shape && (Color is null || item.Color == Color) && (Size is null || item.Size == Size);
    }
}
