namespace HardNegRules.Training.Evaluation;

/// <summary>
/// The JSON of <c>hardneg eval</c> when it runs several suites or models: each model's result of each suite (its
/// report as the suite writes it alone), and each model's table rows.
/// </summary>
/// <param name="Models">The models' names, in column order.</param>
/// <param name="Results">One entry per model and suite.</param>
public sealed record EvaluationResults(
    IReadOnlyList<string> Models,
    IReadOnlyList<ModelSuiteResult> Results)
{
    /// <summary>Each model's rows, in <see cref="Models"/> order.</summary>
    /// <returns>The rows.</returns>
    public IReadOnlyList<IReadOnlyList<EvaluationRow>> RowsByModel() =>
        [.. Models.Select(m => (IReadOnlyList<EvaluationRow>)[.. Results.Where(r => r.Model == m).SelectMany(r => r.Rows)])];

    /// <summary>The table of all models side by side.</summary>
    /// <returns>The table.</returns>
    public EvaluationTable Table() => EvaluationTable.Build(Models, RowsByModel());

    /// <summary>What each suite evaluated and skipped, one line a result (named by model when there are two).</summary>
    /// <returns>The lines.</returns>
    public IEnumerable<string> SummaryLines() => Results.Select(r => Models.Count > 1 ? $"{r.Model}: {r.Summary}" : r.Summary);
}

/// <summary>One model's result of one suite.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Suite">The suite.</param>
/// <param name="Summary">What was evaluated and skipped.</param>
/// <param name="Report">The suite's report.</param>
/// <param name="Rows">The report as table rows.</param>
public sealed record ModelSuiteResult(
    string Model,
    string Suite,
    string Summary,
    object Report,
    IReadOnlyList<EvaluationRow> Rows);
