using HardNegRules.Training.Evaluation;

namespace HardNegRules.Training.Tests.Evaluation;

[TestFixture]
public sealed class EvaluationTableRendererTests
{
    [Test]
    public void Retrieval_IsARowPerDirection()
    {
        var result = new RetrievalResult(5, 25, new RecallAtK(5, 0.2, 0.6, 1), new RecallAtK(25, 0.12, 0.5, 0.88));

        var table = EvaluationTableRenderer.Render(result);

        Assert.That(table, Is.EqualTo(
            """
            Retrieval (5 images, 25 captions), recall %
            direction    queries   R@1   R@5   R@10
            -----------  -------  ----  ----  -----
            image->text        5  20.0  60.0  100.0
            text->image       25  12.0  50.0   88.0

            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void ConceptAccuracy_HasConceptRowsThenMeanAndOverall()
    {
        var report = ImagePairAccuracy.Evaluate([new("color", 1, 0), new("size", 0, 1), new("size", 1, 0)]);

        var table = EvaluationTableRenderer.Render(report, "Image pairs");

        Assert.That(table, Is.EqualTo(
            """
            Image pairs
            concept  items  correct  accuracy %
            -------  -----  -------  ----------
            color        1        1       100.0
            size         2        1        50.0
            mean                           75.0
            overall      3        2        66.7

            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Winoground_HasTextImageAndGroupColumns()
    {
        var report = WinogroundMetrics.Evaluate([new("color", 0.9f, 0.1f, 0.2f, 0.8f), new("size", 0.5f, 0.4f, 0.6f, 0.7f)]);

        var table = EvaluationTableRenderer.Render(report);

        Assert.That(table, Does.Contain("concept  items  text %  image %  group %"));
        Assert.That(table, Does.Contain("color        1   100.0    100.0    100.0"));
        Assert.That(table, Does.Contain("size         1     0.0    100.0      0.0"));
        Assert.That(table, Does.Contain("mean              50.0    100.0     50.0"));
        Assert.That(table, Does.Contain("overall      2    50.0    100.0     50.0"));
    }
}
