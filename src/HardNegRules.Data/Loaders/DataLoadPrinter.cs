using System.Globalization;

namespace HardNegRules.Data.Loaders;

/// <summary>
/// A <see cref="DataLoadReport"/> that writes the first problems with real data as they are found (file and line or
/// record), and a count at the end: a user sees what was skipped without a flood of lines.
/// </summary>
/// <param name="writer">Where the lines go (the console's error stream).</param>
/// <param name="printed">How many problems are written one by one.</param>
public sealed class DataLoadPrinter(TextWriter writer, int printed = 10)
{
    private int _shown;

    /// <summary>The report to give the loaders.</summary>
    public DataLoadReport Report => field ??= new DataLoadReport(Print);

    /// <summary>Writes how many records were skipped, if any.</summary>
    /// <param name="what">What was read ("Training data", "Evaluation data").</param>
    public void PrintSummary(string what)
    {
        if (Report.ErrorCount > 0)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{what}: {Report.ErrorCount:N0} records or images skipped{(Report.ErrorCount > printed ? $" (the first {printed} are shown above)" : string.Empty)}."));
        }
    }

    private void Print(DataLoadError error)
    {
        if (Interlocked.Increment(ref _shown) <= printed)
        {
            writer.WriteLine($"skipped: {error}");
        }
    }
}
