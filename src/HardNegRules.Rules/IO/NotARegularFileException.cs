namespace HardNegRules.IO;

/// <summary>An input path that names something other than a regular file (a named pipe, a device, a folder).</summary>
public sealed class NotARegularFileException : IOException
{
    /// <summary>Creates the exception for a path and what it is.</summary>
    /// <param name="path">The path.</param>
    /// <param name="kind">What it names.</param>
    public NotARegularFileException(string path, InputFileKind kind)
        : base($"'{path}' is {Describe(kind)}, not a regular file; reading it {Risk(kind)}. Give the path of a file.")
    {
        Path = path;
        Kind = kind;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public NotARegularFileException(string message)
        : base(message)
    {
        Path = string.Empty;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public NotARegularFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public NotARegularFileException()
    {
        Path = string.Empty;
    }

    /// <summary>The path.</summary>
    public string Path { get; }

    /// <summary>What the path names.</summary>
    public InputFileKind Kind { get; }

    private static string Describe(InputFileKind kind) => kind switch
    {
        InputFileKind.Directory => "a folder",
        InputFileKind.Fifo => "a named pipe (FIFO)",
        InputFileKind.CharacterDevice => "a character device",
        InputFileKind.BlockDevice => "a block device",
        InputFileKind.Socket => "a socket",
        _ => "not a file",
    };

    private static string Risk(InputFileKind kind) => kind switch
    {
        InputFileKind.Directory => "is not possible",
        InputFileKind.Fifo => "would wait for a writer, possibly forever",
        InputFileKind.Socket => "is not possible",
        _ => "might never end",
    };
}
