namespace HardNegRules.Training.Weights;

/// <summary>Receives a tensor's float32 data, in row-major order, possibly in several consecutive pieces.</summary>
/// <param name="data">The next piece; only valid during the call.</param>
public delegate void TensorDataSink(ReadOnlySpan<float> data);

/// <summary>A float32 tensor to write, whose data is produced only when the writer reaches it.</summary>
/// <param name="Name">The tensor's key in the header.</param>
/// <param name="Shape">Its dimensions; empty for a scalar.</param>
/// <param name="ProvideData">Hands the elements to the sink it is given. Called once, when the tensor is written, with
/// a span over memory the caller owns (e.g. a tensor's own storage), so no copy of the data is needed.</param>
public sealed record SafetensorsTensorSource(string Name, IReadOnlyList<long> Shape, Action<TensorDataSink> ProvideData)
{
    /// <summary>Number of elements: the product of <see cref="Shape"/> (1 for a scalar).</summary>
    public long ElementCount => Shape.Aggregate(1L, (product, dim) => checked(product * dim));

    /// <summary>A source over an array that already holds the data.</summary>
    /// <param name="name">The tensor's key in the header.</param>
    /// <param name="shape">Its dimensions.</param>
    /// <param name="data">Its elements in row-major order.</param>
    /// <returns>The source.</returns>
    public static SafetensorsTensorSource FromArray(string name, IReadOnlyList<long> shape, float[] data) =>
        new(name, shape, sink => sink(data));
}
