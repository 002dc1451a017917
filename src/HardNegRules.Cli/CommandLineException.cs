namespace HardNegRules.Cli;

/// <summary>A command line that cannot run: an unknown option or a value of the wrong kind (exit code 2).</summary>
internal sealed class CommandLineException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, in the user's terms.</param>
    public CommandLineException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CommandLineException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CommandLineException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
