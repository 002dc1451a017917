namespace HardNegRules.Training.Training;

/// <summary>What a finished step reports (for a progress bar).</summary>
/// <param name="Step">Steps completed so far (1-based for the step just finished).</param>
/// <param name="TotalSteps">Steps of the whole run.</param>
/// <param name="Epoch">Zero-based epoch of the step's batch.</param>
/// <param name="Loss">The step's loss.</param>
/// <param name="LearningRate">The learning rate the step used.</param>
/// <param name="SamplesPerSecond">Image-caption pairs per second over this step (preparation overlapped).</param>
/// <param name="LogitScale">exp of the learnt logit scale after the step.</param>
public readonly record struct TrainingProgress(
    int Step, int TotalSteps, int Epoch, double Loss, double LearningRate, double SamplesPerSecond, double LogitScale);
