using HardNegRules.Data.Loaders;
using HardNegRules.Training.Evaluation.SugarCrepe;

namespace HardNegRules.Training.Tests.Evaluation.SugarCrepe;

public class SugarCrepeAccuracyTests
{
    [Test]
    public void Only_a_strictly_higher_true_caption_is_correct()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SugarCrepeAccuracy.IsCorrect(new SugarCrepeScore("add_att", 0.3f, 0.2f)), Is.True);
            Assert.That(SugarCrepeAccuracy.IsCorrect(new SugarCrepeScore("add_att", 0.2f, 0.3f)), Is.False);
            Assert.That(SugarCrepeAccuracy.IsCorrect(new SugarCrepeScore("add_att", 0.25f, 0.25f)), Is.False, "a tie");
            Assert.That(SugarCrepeAccuracy.IsCorrect(new SugarCrepeScore("add_att", float.NaN, 0f)), Is.False, "NaN");
        });
    }

    [Test]
    public void Accuracy_is_per_category_with_skipped_items_counted_and_overall_over_all_items()
    {
        SugarCrepeScore[] scores =
        [
            new("swap_att", 0.9f, 0.1f), new("swap_att", 0.1f, 0.9f), new("swap_att", 0.5f, 0.4f), new("swap_att", 0.2f, 0.3f),
            new("add_obj", 0.6f, 0.5f),
        ];

        SugarCrepeReport report = SugarCrepeAccuracy.Evaluate(scores, new Dictionary<string, int> { ["add_obj"] = 2, ["replace_rel"] = 1 });

        Assert.That(report.Categories.Select(c => c.Category), Is.EqualTo(SugarCrepeFiles.Categories));
        SugarCrepeCategoryResult swap = report.Categories.Single(c => c.Category == "swap_att");
        Assert.That((swap.Evaluated, swap.Correct, swap.Skipped, swap.Accuracy), Is.EqualTo((4, 2, 0, (double?)0.5)));
        SugarCrepeCategoryResult add = report.Categories.Single(c => c.Category == "add_obj");
        Assert.That((add.Evaluated, add.Correct, add.Skipped, add.Accuracy), Is.EqualTo((1, 1, 2, (double?)1.0)));
        SugarCrepeCategoryResult relation = report.Categories.Single(c => c.Category == "replace_rel");
        Assert.That((relation.Evaluated, relation.Skipped, relation.Accuracy), Is.EqualTo((0, 1, (double?)null)), "nothing evaluated: no accuracy");
        Assert.That((report.Overall.Evaluated, report.Overall.Correct, report.Overall.Skipped), Is.EqualTo((5, 3, 3)));
        Assert.That(report.Overall.Accuracy, Is.EqualTo(0.6).Within(1e-12));
        Assert.That(report.MeanOverCategories, Is.EqualTo(0.75).Within(1e-12), "mean of swap_att 0.5 and add_obj 1.0 only");
    }

    [Test]
    public void No_items_gives_no_accuracy_rather_than_nan()
    {
        SugarCrepeReport report = SugarCrepeAccuracy.Evaluate([]);

        Assert.That(report.Overall.Accuracy, Is.Null);
        Assert.That(report.MeanOverCategories, Is.Null);
    }
}
