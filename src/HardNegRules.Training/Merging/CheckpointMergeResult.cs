namespace HardNegRules.Training.Merging;

/// <summary>What <see cref="CheckpointMerge.Merge"/> wrote.</summary>
/// <param name="CheckpointPath">The merged checkpoint (readable by <c>hardneg eval</c>).</param>
/// <param name="From">The checkpoint at alpha 0.</param>
/// <param name="To">The checkpoint at alpha 1.</param>
/// <param name="Alpha">The weight of <paramref name="To"/>.</param>
/// <param name="Model">The architecture, as the checkpoints record it.</param>
/// <param name="TensorCount">Parameters and buffers merged.</param>
/// <param name="ScalarCount">Scalars merged.</param>
public sealed record CheckpointMergeResult(
    string CheckpointPath, string From, string To, double Alpha, string Model, int TensorCount, long ScalarCount);
