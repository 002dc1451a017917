using System.Globalization;
using System.Text;

namespace HardNegRules.Quality;

/// <summary>Renders a <see cref="QualityReport"/> as Markdown tables, for the CLI and the README.</summary>
public static class QualityReportMarkdown
{
    /// <summary>The report as Markdown.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The Markdown text.</returns>
    public static string Render(QualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        CultureInfo c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.Append(c, $"Pack `{report.Pack}`: {report.Captions:N0} captions, {report.Negatives:N0} negatives checked, {report.TotalDefects:N0} defects.").AppendLine().AppendLine();
        md.AppendLine("| concept | captions with a negative | coverage | negatives | of which swaps |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (ConceptCoverage row in report.Coverage)
        {
            md.Append(c, $"| {row.Concept} | {row.CaptionsWithNegative:N0} | {row.Share:P1} | {row.Negatives:N0} | {row.Swaps:N0} |").AppendLine();
        }

        md.AppendLine().AppendLine("| defect | count |").AppendLine("|---|---:|");
        foreach ((DefectKind kind, int count) in report.DefectCounts.OrderBy(p => p.Key))
        {
            md.Append(c, $"| {kind} | {count:N0} |").AppendLine();
        }

        if (report.Examples.Count > 0)
        {
            md.AppendLine().AppendLine("| defect | caption | negative | found |").AppendLine("|---|---|---|---|");
            foreach (QualityDefect defect in report.Examples)
            {
                md.Append(c, $"| {defect.Kind} | {Cell(defect.Caption)} | {Cell(defect.Negative)} | {Cell(defect.Detail)} |").AppendLine();
            }
        }

        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
