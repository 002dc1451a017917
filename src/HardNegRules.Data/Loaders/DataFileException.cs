using System.Globalization;

namespace HardNegRules.Data.Loaders;

/// <summary>
/// A data file that is broken as a whole (cut short, not JSON, without the array or columns its format needs): unlike a
/// bad record, nothing can be trusted from it, so the load stops and nothing is trained or written.
/// </summary>
public sealed class DataFileException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The file.</param>
    /// <param name="byteOffset">The byte offset where the problem was found, if known.</param>
    /// <param name="line">The 1-based line, if known.</param>
    /// <param name="problem">What is wrong.</param>
    public DataFileException(string path, long? byteOffset, long? line, string problem)
        : base(Format(path, byteOffset, line, problem))
    {
        FilePath = path;
        ByteOffset = byteOffset;
        Line = line;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public DataFileException(string message)
        : base(message) => FilePath = string.Empty;

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DataFileException(string message, Exception innerException)
        : base(message, innerException) => FilePath = string.Empty;

    /// <summary>Creates the exception.</summary>
    public DataFileException() => FilePath = string.Empty;

    /// <summary>The file.</summary>
    public string FilePath { get; }

    /// <summary>The byte offset of the problem, if known.</summary>
    public long? ByteOffset { get; }

    /// <summary>The 1-based line of the problem, if known.</summary>
    public long? Line { get; }

    private static string Format(string path, long? byteOffset, long? line, string problem)
    {
        string place = (byteOffset, line) switch
        {
            ({ } b, { } l) => string.Create(CultureInfo.InvariantCulture, $" at byte {b} (line {l})"),
            ({ } b, null) => string.Create(CultureInfo.InvariantCulture, $" at byte {b}"),
            (null, { } l) => string.Create(CultureInfo.InvariantCulture, $" at line {l}"),
            _ => string.Empty,
        };
        return $"{path}{place}: {problem}. Nothing was read from this file; repair or re-download it.";
    }
}
