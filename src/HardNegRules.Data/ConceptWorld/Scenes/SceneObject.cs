namespace HardNegRules.Data.ConceptWorld.Scenes;

/// <summary>One object of a scene graph.</summary>
/// <param name="Shape">Its shape.</param>
/// <param name="Color">Its color.</param>
/// <param name="Size">Its size class.</param>
/// <param name="Cell">The grid cell it occupies.</param>
/// <param name="JitterX">
/// Horizontal offset inside the cell as a fraction (-1 to 1) of the free room its size leaves; a fraction rather than
/// pixels so that a size or position swap keeps the object inside its cell.
/// </param>
/// <param name="JitterY">Vertical offset, as <paramref name="JitterX"/>.</param>
public sealed record SceneObject(ObjectShape Shape, ObjectColor Color, ObjectSize Size, GridCell Cell, float JitterX, float JitterY)
{
    /// <summary>Whether the object's color-shape pair is <paramref name="pair"/>.</summary>
    /// <param name="pair">The pair.</param>
    /// <returns>True when both color and shape match.</returns>
    public bool Has(ColorShapePair pair) => Color == pair.Color && Shape == pair.Shape;
}
