namespace HardNegRules.Training.Checkpoints;

/// <summary>
/// A checkpoint that cannot be used: not a checkpoint, cut off, of another format version, or with a section whose
/// checksum does not match. The message names the file and the section and, when there is one, the previous
/// checkpoint to use instead. An <see cref="IOException"/>: unreadable input, not a bug.
/// </summary>
public sealed class CheckpointException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The checkpoint file.</param>
    /// <param name="section">The damaged section (<c>state</c>, <c>model</c>, <c>optimizer</c>, or the section table),
    /// or null when the file as a whole is wrong.</param>
    /// <param name="message">The whole message.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CheckpointException(string path, string? section, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        CheckpointPath = path;
        Section = section;
    }

    /// <summary>Creates the exception (for serializers).</summary>
    public CheckpointException() : this(string.Empty, null, "invalid checkpoint")
    {
    }

    /// <summary>Creates the exception (for serializers).</summary>
    /// <param name="message">The message.</param>
    public CheckpointException(string message) : this(string.Empty, null, message)
    {
    }

    /// <summary>Creates the exception (for serializers).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CheckpointException(string message, Exception innerException) : this(string.Empty, null, message, innerException)
    {
    }

    /// <summary>The checkpoint file.</summary>
    public string CheckpointPath { get; } = string.Empty;

    /// <summary>The damaged section, or null when the file as a whole is wrong.</summary>
    public string? Section { get; }
}
