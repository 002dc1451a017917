namespace HardNegRules.Data.Captions;

/// <summary>
/// Counts every unreadable record and keeps the first few to show: a file of millions of bad records must not fill
/// memory with their messages. Not thread-safe: give <see cref="Add"/> to the one reader that reports into it.
/// </summary>
/// <param name="kept">How many errors to keep for showing.</param>
public sealed class CaptionErrorLog(int kept = 20)
{
    private readonly List<CaptionReadError> _first = [];

    /// <summary>All errors reported.</summary>
    public long Count { get; private set; }

    /// <summary>The first errors, in the order reported.</summary>
    public IReadOnlyList<CaptionReadError> First => _first;

    /// <summary>Records one error (the callback of <see cref="CaptionFileReader.Read"/>).</summary>
    /// <param name="error">The error.</param>
    public void Add(CaptionReadError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Count++;
        if (_first.Count < kept)
        {
            _first.Add(error);
        }
    }

    /// <summary>Writes the kept errors, one a line, and how many more there were.</summary>
    /// <param name="writer">Where the lines go (the console's error stream).</param>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (CaptionReadError error in _first)
        {
            writer.WriteLine($"{error}: skipped");
        }

        if (Count > _first.Count)
        {
            writer.WriteLine($"... and {Count - _first.Count} more unreadable records.");
        }
    }
}
