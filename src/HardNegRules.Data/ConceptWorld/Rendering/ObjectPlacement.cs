using HardNegRules.Data.ConceptWorld.Scenes;

namespace HardNegRules.Data.ConceptWorld.Rendering;

/// <summary>Where an object lands in pixels: its centre and its radius (half the side of the box its shape fits).</summary>
/// <param name="CenterX">Centre x in pixels (pixel centres lie at i + 0.5).</param>
/// <param name="CenterY">Centre y in pixels.</param>
/// <param name="Radius">Half the side of the shape's box in pixels.</param>
public readonly record struct ObjectPlacement(float CenterX, float CenterY, float Radius)
{
    /// <summary>The placement of <paramref name="item"/> in a square image of <paramref name="imageSize"/> pixels.</summary>
    /// <param name="item">The object.</param>
    /// <param name="imageSize">The image side in pixels.</param>
    /// <returns>The placement.</returns>
    public static ObjectPlacement Of(SceneObject item, int imageSize)
    {
        ArgumentNullException.ThrowIfNull(item);
        float halfCell = imageSize / (2f * GridCell.Extent);
        float radius = halfCell * RadiusFraction(item.Size);

        // One pixel of margin keeps the anti-aliased fringe inside the cell: objects in distinct cells never touch.
        float slack = MathF.Max(0f, halfCell - radius - 1f);
        return new ObjectPlacement(
            (((2 * item.Cell.Column) + 1) * halfCell) + (item.JitterX * slack),
            (((2 * item.Cell.Row) + 1) * halfCell) + (item.JitterY * slack),
            radius);
    }

    /// <summary>The radius as a fraction of half a cell: sizes far enough apart to read at 64 pixels.</summary>
    /// <param name="size">The size class.</param>
    /// <returns>The fraction.</returns>
    public static float RadiusFraction(ObjectSize size) => size switch
    {
        ObjectSize.Small => 0.45f,
        ObjectSize.Medium => 0.65f,
        ObjectSize.Large => 0.86f,
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "Unknown size."),
    };

    /// <summary>The first pixel row or column any coverage can reach (the edge fringe is half a pixel wide).</summary>
    /// <param name="center">The centre coordinate.</param>
    /// <returns>The pixel index.</returns>
    public int FirstPixel(float center) => (int)MathF.Floor(center - Radius - 0.5f);

    /// <summary>The last pixel row or column any coverage can reach.</summary>
    /// <param name="center">The centre coordinate.</param>
    /// <returns>The pixel index.</returns>
    public int LastPixel(float center) => (int)MathF.Floor(center + Radius + 0.5f);
}
