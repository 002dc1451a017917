namespace HardNegRules.Training.Presets;

/// <summary>A preset that cannot be used, with the place of the mistake (file, line and column, 1-based). A
/// <see cref="FormatException"/>: the command line reports it as bad input (exit code 2).</summary>
public sealed class PresetException : FormatException
{
    /// <summary>Creates the exception; the message is printed as <c>file(line,column): message</c>.</summary>
    /// <param name="source">The preset file, or a description such as <c>--set</c> for a command-line override.</param>
    /// <param name="line">The line (1-based; 0 when unknown).</param>
    /// <param name="column">The column (1-based; 0 when unknown).</param>
    /// <param name="problem">What is wrong and how to fix it.</param>
    public PresetException(string source, int line, int column, string problem)
        : base(line > 0 ? $"{source}({line},{column}): {problem}" : $"{source}: {problem}")
    {
        Origin = source;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>Creates an exception without a place (for serializers).</summary>
    public PresetException() : this("preset", 0, 0, "invalid preset")
    {
    }

    /// <summary>Creates an exception without a place (for serializers).</summary>
    /// <param name="message">The message.</param>
    public PresetException(string message) : this("preset", 0, 0, message)
    {
    }

    /// <summary>Creates an exception without a place, wrapping another.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PresetException(string message, Exception innerException) : base(message, innerException)
    {
        Problem = message;
    }

    /// <summary>The preset file (or override) with the mistake.</summary>
    public string Origin { get; } = "preset";

    /// <summary>The line of the mistake (1-based; 0 when unknown).</summary>
    public int Line { get; }

    /// <summary>The column of the mistake (1-based; 0 when unknown).</summary>
    public int Column { get; }

    /// <summary>The problem without its place.</summary>
    public string Problem { get; } = string.Empty;
}
