namespace HardNegRules.Training.Training;

/// <summary>Learning rate per step: linear warmup to the peak, then cosine decay to a final fraction of it.</summary>
/// <param name="peak">The learning rate at the end of the warmup.</param>
/// <param name="warmupSteps">Steps of linear warmup.</param>
/// <param name="totalSteps">Steps of the whole run.</param>
/// <param name="finalFraction">The learning rate at the last step as a fraction of <paramref name="peak"/>.</param>
public sealed class WarmupCosineSchedule(double peak, int warmupSteps, int totalSteps, double finalFraction = 0)
{
    /// <summary>The learning rate for the step with zero-based index <paramref name="step"/>.</summary>
    /// <param name="step">Steps already taken before this one.</param>
    public double At(int step)
    {
        if (step < warmupSteps)
        {
            // (step + 1) so that the first step already learns a little instead of wasting a step at zero.
            return peak * (step + 1) / warmupSteps;
        }
        int decaySteps = Math.Max(1, totalSteps - warmupSteps);
        double progress = Math.Min(1.0, (double)(step - warmupSteps) / decaySteps);
        double cosine = 0.5 * (1 + Math.Cos(Math.PI * progress));
        return peak * (finalFraction + (1 - finalFraction) * cosine);
    }
}
