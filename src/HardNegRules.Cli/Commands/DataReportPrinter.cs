using System.Globalization;
using HardNegRules.Data.Loaders;

namespace HardNegRules.Cli.Commands;

/// <summary>
/// A <see cref="DataLoadReport"/> that prints the first problems with real data to stderr as they are found (file and
/// line or record), and a count at the end: a user sees what was skipped without a flood of lines.
/// </summary>
internal sealed class DataReportPrinter
{
    private const int Printed = 10;
    private int _shown;

    public DataReportPrinter() => Report = new DataLoadReport(Print);

    public DataLoadReport Report { get; }

    /// <summary>Prints how many records were skipped, if any.</summary>
    /// <param name="what">What was read ("training data", "SugarCrepe").</param>
    public void PrintSummary(string what)
    {
        if (Report.ErrorCount > 0)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{what}: {Report.ErrorCount:N0} records or images skipped{(Report.ErrorCount > Printed ? $" (the first {Printed} are shown above)" : string.Empty)}."));
        }
    }

    private void Print(DataLoadError error)
    {
        if (Interlocked.Increment(ref _shown) <= Printed)
        {
            Console.Error.WriteLine($"skipped: {error}");
        }
    }
}
