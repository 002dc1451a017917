namespace HardNegRules.Data.Loaders;

/// <summary>
/// What a load skipped and why. Loaders never stop on a bad record: they report it here, count it and go on, so a
/// data set with a few broken rows still trains and the broken rows are still seen.
/// </summary>
public sealed class DataLoadReport
{
    private readonly List<DataLoadError> _kept = new();
    private readonly Action<DataLoadError>? _onError;

    /// <summary>Creates a report.</summary>
    /// <param name="onError">Called for every error as it is found (e.g. to print it); may be null.</param>
    /// <param name="keep">How many errors to keep in <see cref="Errors"/>; the rest are only counted.</param>
    public DataLoadReport(Action<DataLoadError>? onError = null, int keep = 100)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        _onError = onError;
        Keep = keep;
    }

    /// <summary>How many errors are kept in <see cref="Errors"/>.</summary>
    public int Keep { get; }

    /// <summary>The first <see cref="Keep"/> errors, in the order they were found.</summary>
    public IReadOnlyList<DataLoadError> Errors => _kept;

    /// <summary>How many records were skipped (every error, kept or not).</summary>
    public long ErrorCount { get; private set; }

    /// <summary>How many records were read and handed out.</summary>
    public long RecordCount { get; private set; }

    /// <summary>Records an error: counted, kept while there is room, and passed to the callback.</summary>
    /// <param name="error">The error.</param>
    public void Add(DataLoadError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        ErrorCount++;
        if (_kept.Count < Keep)
        {
            _kept.Add(error);
        }

        _onError?.Invoke(error);
    }

    /// <summary>Counts one record handed out.</summary>
    public void CountRecord() => RecordCount++;
}
