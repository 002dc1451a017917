namespace HardNegRules.Training.Weights;

/// <summary>A float32 tensor to write, whose data is produced only when the writer reaches it.</summary>
/// <param name="Name">The tensor's key in the header.</param>
/// <param name="Shape">Its dimensions; empty for a scalar.</param>
/// <param name="ReadData">Returns its elements in row-major order. Called once, when the tensor is written, so that
/// only one tensor's copy is alive at a time.</param>
public sealed record SafetensorsTensorSource(string Name, IReadOnlyList<long> Shape, Func<float[]> ReadData)
{
    /// <summary>Number of elements: the product of <see cref="Shape"/> (1 for a scalar).</summary>
    public long ElementCount => Shape.Aggregate(1L, (product, dim) => checked(product * dim));
}
