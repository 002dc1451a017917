namespace HardNegRules.Training.Training;

/// <summary>
/// Training stopped because the loss or the gradient norm became NaN or infinite. The weights were not updated with
/// the bad step, and the last checkpoint on disk is the last good one.
/// </summary>
public sealed class NonFiniteLossException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NonFiniteLossException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public NonFiniteLossException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public NonFiniteLossException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a step.</summary>
    /// <param name="step">The 1-based step whose loss or gradient was not finite.</param>
    /// <param name="what">"loss" or "gradient norm".</param>
    /// <param name="value">The offending value.</param>
    /// <param name="lastCheckpoint">The last good checkpoint, or null.</param>
    /// <param name="lastCheckpointStep">Its step.</param>
    public NonFiniteLossException(int step, string what, double value, string? lastCheckpoint, int lastCheckpointStep)
        : base($"Training stopped at step {step}: the {what} is {value}. " + (lastCheckpoint is null
            ? "No checkpoint was written."
            : $"The last good checkpoint is {lastCheckpoint} (step {lastCheckpointStep}); resume from it with a lower " +
              "learning rate or check the data of this step."))
    {
        Step = step;
        LastCheckpoint = lastCheckpoint;
    }

    /// <summary>The 1-based step whose loss or gradient was not finite.</summary>
    public int Step { get; }

    /// <summary>The last good checkpoint, or null.</summary>
    public string? LastCheckpoint { get; }
}
