using HardNegRules.Training.Evaluation.Winoground;

namespace HardNegRules.Training.Tests.Evaluation.Winoground;

[TestFixture]
public sealed class WinogroundMetricsTests
{
    // Arguments: s(c0,i0), s(c0,i1), s(c1,i0), s(c1,i1).
    private static readonly WinogroundItem AllRight = new("color", 0.9f, 0.1f, 0.2f, 0.8f);
    private static readonly WinogroundItem TextOnly = new("color", 0.5f, 0.6f, 0.4f, 0.7f);
    private static readonly WinogroundItem ImageOnly = new("size", 0.5f, 0.4f, 0.6f, 0.7f);
    private static readonly WinogroundItem AllTied = new("size", 0.5f, 0.5f, 0.5f, 0.5f);

    [Test]
    public void SingleItems_FollowThrushEtAlDefinitions()
    {
        Assert.That((WinogroundMetrics.IsTextCorrect(AllRight), WinogroundMetrics.IsImageCorrect(AllRight)), Is.EqualTo((true, true)));
        Assert.That((WinogroundMetrics.IsTextCorrect(TextOnly), WinogroundMetrics.IsImageCorrect(TextOnly)), Is.EqualTo((true, false)));
        Assert.That((WinogroundMetrics.IsTextCorrect(ImageOnly), WinogroundMetrics.IsImageCorrect(ImageOnly)), Is.EqualTo((false, true)));
        Assert.That((WinogroundMetrics.IsTextCorrect(AllTied), WinogroundMetrics.IsImageCorrect(AllTied)), Is.EqualTo((false, false)));
    }

    [Test]
    public void OneTieInEitherComparison_FailsThatScore()
    {
        // Text: s(c1,i1) == s(c0,i1); image: s(c0,i0) == s(c0,i1) in the second.
        Assert.That(WinogroundMetrics.IsTextCorrect(new WinogroundItem("c", 0.9f, 0.5f, 0.1f, 0.5f)), Is.False);
        Assert.That(WinogroundMetrics.IsImageCorrect(new WinogroundItem("c", 0.5f, 0.5f, 0.1f, 0.9f)), Is.False);
    }

    [Test]
    public void Report_HasPerConceptMeanAndOverallScores()
    {
        var sizeAllRight = AllRight with { Concept = "size" };

        var report = WinogroundMetrics.Evaluate([AllRight, TextOnly, ImageOnly, AllTied, sizeAllRight]);

        Assert.That(report.Concepts, Has.Count.EqualTo(2));
        Assert.That(report.Concepts[0], Is.EqualTo(new WinogroundConceptResult("color", 2, new WinogroundScores(1.0, 0.5, 0.5))));
        Assert.That(report.Concepts[1].Concept, Is.EqualTo("size"));
        Assert.That(report.Concepts[1].Count, Is.EqualTo(3));
        AssertScores(report.Concepts[1].Scores, 1 / 3.0, 2 / 3.0, 1 / 3.0);
        AssertScores(report.MeanOverConcepts, 2 / 3.0, 7 / 12.0, 5 / 12.0);
        AssertScores(report.Overall, 3 / 5.0, 3 / 5.0, 2 / 5.0);
        Assert.That(report.Count, Is.EqualTo(5));
    }

    [Test]
    public void NoItems_IsRejected()
    {
        Assert.That(() => WinogroundMetrics.Evaluate([]), Throws.ArgumentException);
    }

    private static void AssertScores(WinogroundScores actual, double text, double image, double group)
    {
        Assert.That(actual.Text, Is.EqualTo(text).Within(1e-12), "text");
        Assert.That(actual.Image, Is.EqualTo(image).Within(1e-12), "image");
        Assert.That(actual.Group, Is.EqualTo(group).Within(1e-12), "group");
    }
}
