namespace HardNegRules.Negatives;

/// <summary>
/// A captions input that cannot be used as a whole: broken structure, not text, a record too large, or records that
/// lack what the output needs. The message names the file and the place (line, byte offset, record) and what to do.
/// </summary>
public sealed class CaptionInputException : IOException
{
    /// <summary>Creates the exception.</summary>
    public CaptionInputException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    /// <param name="message">The file, the place and what is wrong.</param>
    public CaptionInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    /// <param name="message">The file, the place and what is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CaptionInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
