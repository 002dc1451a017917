namespace HardNegRules.Data.ConceptWorld.Scenes;

/// <summary>
/// A cell of the 3 x 3 layout grid. Objects live in distinct cells, so they never overlap and the relations
/// "to the left of" / "above" are decided by column and row alone.
/// </summary>
/// <param name="Column">0 = left, 1 = center, 2 = right.</param>
/// <param name="Row">0 = top, 1 = middle, 2 = bottom.</param>
public readonly record struct GridCell(int Column, int Row)
{
    /// <summary>The number of columns and of rows.</summary>
    public const int Extent = 3;

    /// <summary>Whether the cell lies on the grid.</summary>
    public bool IsValid => Column is >= 0 and < Extent && Row is >= 0 and < Extent;

    /// <summary>The cell's index in row-major order, 0 to 8.</summary>
    public int Index => (Row * Extent) + Column;

    /// <summary>The cell with row-major index <paramref name="index"/>.</summary>
    /// <param name="index">0 to 8.</param>
    /// <returns>The cell.</returns>
    public static GridCell FromIndex(int index) => new(index % Extent, index / Extent);
}
