using HardNegRules.Data.Loaders;

namespace HardNegRules.Training.Evaluation.SugarCrepe;

/// <summary>
/// SugarCrepe's metric: an item is right when the image scores its true caption strictly higher than the negative
/// caption. A tie (or NaN) is wrong, so a model that cannot tell the captions apart gets no credit.
/// </summary>
public static class SugarCrepeAccuracy
{
    /// <summary>Whether the true caption wins.</summary>
    /// <param name="score">The item's scores.</param>
    /// <returns>True when the caption scores strictly higher.</returns>
    public static bool IsCorrect(SugarCrepeScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return score.CaptionScore > score.NegativeScore;
    }

    /// <summary>Accuracy per category (the benchmark's seven, then any other found) and overall.</summary>
    /// <param name="scores">The scored items.</param>
    /// <param name="skipped">Items not scored, per category (missing or unreadable image); null for none.</param>
    /// <returns>The report.</returns>
    public static SugarCrepeReport Evaluate(IEnumerable<SugarCrepeScore> scores, IReadOnlyDictionary<string, int>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        skipped ??= new Dictionary<string, int>();
        var evaluated = new Dictionary<string, (int Count, int Correct)>(StringComparer.Ordinal);
        foreach (SugarCrepeScore score in scores)
        {
            (int count, int correct) = evaluated.GetValueOrDefault(score.Category);
            evaluated[score.Category] = (count + 1, correct + (IsCorrect(score) ? 1 : 0));
        }
        IEnumerable<string> others = evaluated.Keys.Concat(skipped.Keys)
            .Where(c => !SugarCrepeFiles.Categories.Contains(c, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        SugarCrepeCategoryResult[] categories = [.. SugarCrepeFiles.Categories.Concat(others).Select(c =>
        {
            (int count, int correct) = evaluated.GetValueOrDefault(c);
            return Result(c, count, correct, skipped.GetValueOrDefault(c));
        })];
        SugarCrepeCategoryResult overall = Result("overall",
            categories.Sum(c => c.Evaluated), categories.Sum(c => c.Correct), categories.Sum(c => c.Skipped));
        double[] accuracies = [.. categories.Where(c => c.Accuracy.HasValue).Select(c => c.Accuracy!.Value)];
        return new SugarCrepeReport(categories, overall, accuracies.Length > 0 ? accuracies.Average() : null);
    }

    private static SugarCrepeCategoryResult Result(string category, int count, int correct, int skipped) =>
        new(category, count, correct, skipped, count > 0 ? (double)correct / count : null);
}
