namespace HardNegRules.Training.Evaluation.Aro;

/// <summary>ARO results (the JSON of <c>hardneg eval --suite aro</c>): one entry per ARO set whose data was given.</summary>
/// <param name="Sets">vg_relation, vg_attribution, coco_order, flickr30k_order (those evaluated).</param>
public sealed record AroReport(IReadOnlyList<AroSetResult> Sets)
{
    /// <summary>The report as table rows: per set, the macro accuracy the paper reports and the accuracy over items.</summary>
    /// <returns>The rows.</returns>
    public IReadOnlyList<EvaluationRow> Rows() =>
    [
        .. Sets.SelectMany(s => new EvaluationRow[]
        {
            new("aro", s.Set, "macro_accuracy", null, s.MacroAccuracy),
            new("aro", s.Set, "accuracy", s.Evaluated, s.Accuracy),
        }),
    ];
}

/// <summary>One ARO set's result.</summary>
/// <param name="Set">The set's name.</param>
/// <param name="Evaluated">Items scored.</param>
/// <param name="Skipped">Items left out (image missing or unreadable).</param>
/// <param name="Accuracy">Correct items over evaluated items; null when none was evaluated.</param>
/// <param name="MacroAccuracy">The paper's figure: the mean accuracy over the classes in <paramref name="MacroRule"/>
/// (for the order sets, precision@1 over all items); null when no class qualifies.</param>
/// <param name="MacroRule">Which classes the macro accuracy averages.</param>
/// <param name="Classes">Per class (relation, attribute pair, or perturbation beaten): items, correct, accuracy, and
/// whether it counts in the macro accuracy.</param>
public sealed record AroSetResult(
    string Set,
    int Evaluated,
    int Skipped,
    double? Accuracy,
    double? MacroAccuracy,
    string MacroRule,
    IReadOnlyList<AroClassResult> Classes);

/// <summary>One class of an ARO set.</summary>
/// <param name="Class">The relation, the attribute pair, or the perturbation.</param>
/// <param name="Items">Items of the class.</param>
/// <param name="Correct">Items the model got right.</param>
/// <param name="Accuracy">Correct over items.</param>
/// <param name="InMacro">Whether the class counts in the set's macro accuracy.</param>
public sealed record AroClassResult(
    string Class,
    int Items,
    int Correct,
    double Accuracy,
    bool InMacro);
