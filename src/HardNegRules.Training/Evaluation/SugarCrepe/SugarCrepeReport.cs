namespace HardNegRules.Training.Evaluation.SugarCrepe;

/// <summary>SugarCrepe accuracy per category and over all items (the JSON of <c>hardneg eval --suite sugarcrepe</c>).</summary>
/// <param name="Categories">One entry per category of the benchmark, in its order (empty categories included).</param>
/// <param name="Overall">All evaluated items together.</param>
/// <param name="MeanOverCategories">The unweighted mean of the accuracies of categories with items; null if none has.</param>
public sealed record SugarCrepeReport(
    IReadOnlyList<SugarCrepeCategoryResult> Categories,
    SugarCrepeCategoryResult Overall,
    double? MeanOverCategories);

/// <summary>One category's result.</summary>
/// <param name="Category">The category, or "overall".</param>
/// <param name="Evaluated">Items scored (their image was read).</param>
/// <param name="Correct">Items whose true caption scored strictly higher than the negative.</param>
/// <param name="Skipped">Items left out because their image is missing or could not be decoded.</param>
/// <param name="Accuracy">Correct over evaluated, in [0, 1]; null when nothing was evaluated.</param>
public sealed record SugarCrepeCategoryResult(
    string Category,
    int Evaluated,
    int Correct,
    int Skipped,
    double? Accuracy);
