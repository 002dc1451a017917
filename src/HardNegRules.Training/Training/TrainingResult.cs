namespace HardNegRules.Training.Training;

/// <summary>The outcome of <see cref="Trainer.Train"/>.</summary>
/// <param name="Step">Steps completed when training stopped.</param>
/// <param name="LastLoss">The loss of the last step (NaN when no step ran).</param>
/// <param name="StepsPerSecond">Mean steps per second of this call.</param>
/// <param name="SamplesPerSecond">Mean image-caption pairs per second of this call.</param>
/// <param name="CheckpointPath">The last checkpoint written, or null.</param>
public sealed record TrainingResult(int Step, double LastLoss, double StepsPerSecond, double SamplesPerSecond,
    string? CheckpointPath);
