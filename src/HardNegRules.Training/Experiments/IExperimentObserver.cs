using HardNegRules.Training.Training;

namespace HardNegRules.Training.Experiments;

/// <summary>What an experiment shows while it runs: training progress and long steps (a console, or nothing).</summary>
public interface IExperimentObserver
{
    /// <summary>Runs one training, reporting its progress.</summary>
    /// <param name="label">The run, e.g. "seed 42 negatives (k=1)".</param>
    /// <param name="steps">Its steps.</param>
    /// <param name="train">Trains, reporting each step to the progress it is given.</param>
    /// <returns>What <paramref name="train"/> returned.</returns>
    TrainingResult Train(string label, int steps, Func<IProgress<TrainingProgress>?, TrainingResult> train);

    /// <summary>Runs a step that takes a while (world generation, evaluation) under a status message.</summary>
    /// <typeparam name="T">The step's result.</typeparam>
    /// <param name="message">What is being done.</param>
    /// <param name="work">The step.</param>
    /// <returns>Its result.</returns>
    T Status<T>(string message, Func<T> work);
}

/// <summary>An observer that shows nothing.</summary>
public sealed class SilentExperimentObserver : IExperimentObserver
{
    /// <summary>The one instance.</summary>
    public static SilentExperimentObserver Instance { get; } = new();

    /// <inheritdoc />
    public TrainingResult Train(string label, int steps, Func<IProgress<TrainingProgress>?, TrainingResult> train)
    {
        ArgumentNullException.ThrowIfNull(train);
        return train(null);
    }

    /// <inheritdoc />
    public T Status<T>(string message, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work();
    }
}
