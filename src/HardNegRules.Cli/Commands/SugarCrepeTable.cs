using System.Globalization;
using HardNegRules.Training.Evaluation;
using Spectre.Console;

namespace HardNegRules.Cli.Commands;

/// <summary>A SugarCrepe report as a Spectre.Console table: a row per category, then overall and the category mean.</summary>
internal static class SugarCrepeTable
{
    public static Table Build(string name, SugarCrepeReport report)
    {
        var table = new Table()
            .Title(Markup.Escape($"SugarCrepe: {name}"))
            .AddColumn("category")
            .AddColumn(new TableColumn("evaluated").RightAligned())
            .AddColumn(new TableColumn("skipped").RightAligned())
            .AddColumn(new TableColumn("accuracy %").RightAligned());
        foreach (SugarCrepeCategoryResult result in report.Categories.Append(report.Overall))
        {
            table.AddRow(result.Category, Count(result.Evaluated), Count(result.Skipped), EvalTable.Percent(result.Accuracy));
        }
        table.AddRow("mean of categories", string.Empty, string.Empty, EvalTable.Percent(report.MeanOverCategories));
        return table;
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
