namespace HardNegRules.Training.Metrics;

/// <summary>The numbers logged after each step.</summary>
/// <param name="Step">Steps completed (1-based for the step just finished).</param>
/// <param name="Epoch">Zero-based epoch of the step's batch.</param>
/// <param name="Loss">The step's loss.</param>
/// <param name="LearningRate">The learning rate the step used.</param>
/// <param name="SamplesPerSecond">Image-caption pairs per second over the step.</param>
/// <param name="LogitScale">exp of the learnt logit scale after the step.</param>
/// <param name="GradientNorm">Global gradient norm before clipping.</param>
/// <param name="Negatives">Hard negatives in the step's batch.</param>
public sealed record StepMetrics(int Step, int Epoch, double Loss, double LearningRate, double SamplesPerSecond,
    double LogitScale, double GradientNorm, int Negatives);
