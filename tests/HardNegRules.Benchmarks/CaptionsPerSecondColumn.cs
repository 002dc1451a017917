using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace HardNegRules.Benchmarks;

/// <summary>Throughput derived from the mean time per operation (one operation = one caption): 1 s / mean.</summary>
public sealed class CaptionsPerSecondColumn : IColumn
{
    /// <inheritdoc />
    public string Id => nameof(CaptionsPerSecondColumn);

    /// <inheritdoc />
    public string ColumnName => "Captions/s";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => "Captions per second, 1 s / Mean (one operation is one caption)";

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        double? meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return meanNs is > 0 ? (1e9 / meanNs.Value).ToString("N0", CultureInfo.InvariantCulture) : "NA";
    }

    /// <inheritdoc />
    public override string ToString() => ColumnName;
}
