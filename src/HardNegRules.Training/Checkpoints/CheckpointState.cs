namespace HardNegRules.Training.Checkpoints;

/// <summary>
/// Everything besides tensors that a resumed run needs, stored inside the checkpoint (and mirrored in a JSON sidecar).
/// The data position is a function of <see cref="Step"/> and the seed; epoch and batch are stored to check that.
/// </summary>
/// <param name="FormatVersion">Layout version of the checkpoint file.</param>
/// <param name="Step">Optimizer steps completed (also the scheduler's position).</param>
/// <param name="TotalSteps">The run's total steps (the schedule's length).</param>
/// <param name="Epoch">The epoch of the next batch.</param>
/// <param name="BatchInEpoch">The position of the next batch in that epoch's permutation.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="DatasetCount">Pairs in the data set; a resume on other data would silently change the order.</param>
/// <param name="BatchSize">Pairs per step.</param>
/// <param name="Model">The model's options as text, to refuse loading into another architecture.</param>
/// <param name="LastLoss">The loss of the last step before the checkpoint.</param>
/// <param name="SavedAtUtc">When the checkpoint was written.</param>
public sealed record CheckpointState(
    int FormatVersion,
    int Step,
    int TotalSteps,
    int Epoch,
    int BatchInEpoch,
    int Seed,
    int DatasetCount,
    int BatchSize,
    string Model,
    double LastLoss,
    DateTime SavedAtUtc)
{
    /// <summary>The layout written by this version.</summary>
    public const int CurrentFormatVersion = CheckpointLayout.FormatVersion;
}
