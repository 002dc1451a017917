using HardNegRules.Data.Loaders;

namespace HardNegRules.Quality.Tests;

public class SugarCrepeAgreementTests
{
    [Test]
    public void Replace_records_are_recognised_and_accepted_per_concept()
    {
        SugarCrepeItem[] records =
        [
            Item("0", "A red car parked outside.", "A blue car parked outside."),
            Item("1", "A red car parked outside.", "A crimson car parked outside."),
            Item("2", "An apple on a bench.", "A banana on a bench."),
            Item("3", "A dog on a bench.", "A wolf on a bench."),
            Item("4", "A man standing on a bench.", "A man sitting on a bench."),
            Item("5", "A yellow car parked outside.", "A blue car parked outside."),
        ];
        AgreementResult result = SugarCrepeAgreement.MeasureReplace(QualityTestRules.Permuter, records);
        ConceptAgreement color = result.ByConcept.Single(c => c.Concept == "color");
        ConceptAgreement objects = result.ByConcept.Single(c => c.Concept == "object");
        Assert.Multiple(() =>
        {
            Assert.That(result.Records, Is.EqualTo(6));
            Assert.That(result.Unclassified, Is.EqualTo(1), "standing -> sitting is no concept of the pack");
            Assert.That((color.Records, color.Recognised, color.Accepted), Is.EqualTo((3, 2, 1)), "crimson is a synonym; yellow is not a term but blue is");
            Assert.That((objects.Records, objects.Recognised, objects.Accepted), Is.EqualTo((2, 2, 1)), "wolf is not a term");
            Assert.That(result.ToMarkdown("test"), Does.Contain("| color | 3 | 2 (66.7 %) | 1 (33.3 %) |"));
        });
    }

    [Test]
    public void Swap_records_count_when_the_swap_kind_makes_them()
    {
        SugarCrepeItem[] records =
        [
            Item("0", "A red car next to a blue bus.", "A blue car next to a red bus."),
            Item("1", "A big dog and a small cat.", "A small dog and a big cat."),
            Item("2", "A red car next to a blue bus.", "A red bus next to a blue car."),
        ];
        AgreementResult result = SugarCrepeAgreement.MeasureSwap(QualityTestRules.Permuter, records);
        Assert.Multiple(() =>
        {
            Assert.That(result.ByConcept.Single(c => c.Concept == "color").Accepted, Is.EqualTo(1));
            Assert.That(result.Unclassified, Is.EqualTo(2), "size has no swap kind in the test rules; objects do not swap");
        });
    }

    private static SugarCrepeItem Item(string key, string caption, string negative) => new("test", key, key + ".jpg", caption, negative);

    [Test]
    public void Word_diff_ignores_case_punctuation_and_the_article_that_changes_with_the_word()
    {
        WordDiff diff = WordDiff.Of("An apple on a table. ", "a banana on a table.")!.Value;
        Assert.Multiple(() =>
        {
            Assert.That((diff.Words, diff.OtherWords), Is.EqualTo((1, 1)));
            Assert.That("An apple on a table. "[diff.Start..diff.End], Is.EqualTo("apple"));
            Assert.That(WordDiff.Of("A dog.", "a dog"), Is.Null);
        });
    }
}
