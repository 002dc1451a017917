using HardNegRules.Training.Evaluation;

namespace HardNegRules.Training.Tests.Evaluation;

[TestFixture]
public sealed class ConceptAccuracyTests
{
    [Test]
    public void TextRanking_TrueCaptionMustBeatEveryNegative_TiesFail()
    {
        TextRankingItem[] items =
        [
            new("color", 0.9f, [0.8f, 0.7f]), // beats both
            new("color", 0.5f, [0.4f, 0.6f]), // loses to one
            new("color", 0.5f, [0.5f]), // tie
            new("size", 0.3f, [0.2f]),
        ];

        var report = TextConceptRanking.Evaluate(items);

        Assert.That(report.Concepts, Is.EqualTo(new[]
        {
            new ConceptAccuracy("color", 3, 1, 1 / 3.0),
            new ConceptAccuracy("size", 1, 1, 1.0),
        }));
        Assert.That(report.MeanOverConcepts, Is.EqualTo(2 / 3.0).Within(1e-12));
        Assert.That(report.Overall, Is.EqualTo(0.5));
        Assert.That(report.Count, Is.EqualTo(4));
    }

    [Test]
    public void TextRanking_NaNTrueScore_Fails()
    {
        Assert.That(TextConceptRanking.IsTrueCaptionRankedFirst(new TextRankingItem("color", float.NaN, [0f])), Is.False);
    }

    [Test]
    public void TextRanking_ItemWithoutNegatives_OrNoItems_IsRejected()
    {
        Assert.That(() => TextConceptRanking.Evaluate([new TextRankingItem("color", 1f, [])]), Throws.ArgumentException);
        Assert.That(() => TextConceptRanking.Evaluate([]), Throws.ArgumentException);
    }

    [Test]
    public void ImagePairs_RightImageMustScoreStrictlyHigher_PerConcept()
    {
        ImagePairItem[] items =
        [
            new("size", 0.7f, 0.2f),
            new("color", 0.6f, 0.5f),
            new("color", 0.5f, 0.5f), // tie
            new("color", 0.1f, 0.5f),
            new("color", 0.9f, 0.1f),
            new("object", 0.2f, 0.3f),
        ];

        var report = ImagePairAccuracy.Evaluate(items);

        // Concepts come out in ordinal order of their names, whatever the order of the items.
        Assert.That(report.Concepts.Select(c => c.Concept), Is.EqualTo(new[] { "color", "object", "size" }));
        Assert.That(report.Concepts.Select(c => (c.Count, c.Correct)), Is.EqualTo(new[] { (4, 2), (1, 0), (1, 1) }));
        Assert.That(report.MeanOverConcepts, Is.EqualTo((0.5 + 0 + 1) / 3).Within(1e-12));
        Assert.That(report.Overall, Is.EqualTo(3 / 6.0));
    }
}
