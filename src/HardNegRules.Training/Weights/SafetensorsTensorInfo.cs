namespace HardNegRules.Training.Weights;

/// <summary>One tensor as a safetensors header describes it.</summary>
/// <param name="Name">The tensor's key in the header.</param>
/// <param name="DType">Its element type.</param>
/// <param name="Shape">Its dimensions; empty for a scalar.</param>
/// <param name="Begin">Offset of its first byte, relative to the start of the data section.</param>
/// <param name="End">Offset one past its last byte, relative to the start of the data section.</param>
public sealed record SafetensorsTensorInfo(string Name, SafetensorsDType DType, IReadOnlyList<long> Shape, long Begin, long End)
{
    /// <summary>Number of elements: the product of <see cref="Shape"/> (1 for a scalar).</summary>
    public long ElementCount => Shape.Aggregate(1L, (product, dim) => checked(product * dim));

    /// <summary>The shape written as <c>[a, b]</c>, for messages.</summary>
    public string ShapeText => FormatShape(Shape);

    /// <summary>Formats any shape as <c>[a, b]</c>, so that every message in this folder spells shapes alike.</summary>
    /// <param name="shape">The dimensions.</param>
    /// <returns>E.g. "[512, 768]", "[]" for a scalar.</returns>
    public static string FormatShape(IEnumerable<long> shape) => $"[{string.Join(", ", shape)}]";
}
