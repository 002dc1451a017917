using System.Text.Json;
using HardNegRules.Training.Evaluation;

namespace HardNegRules.Training.Tests.Evaluation;

[TestFixture]
public sealed class EvaluationJsonTests
{
    [Test]
    public void RetrievalResult_RoundTrips_WithCamelCaseNames()
    {
        var result = new RetrievalResult(5, 25, new RecallAtK(5, 0.2, 0.6, 1), new RecallAtK(25, 0.12, 0.5, 0.88));

        var json = EvaluationJson.Serialize(result);

        Assert.That(json, Does.Contain("\"imageToText\"").And.Contain("\"r10\": 0.88"));
        Assert.That(EvaluationJson.Deserialize<RetrievalResult>(json), Is.EqualTo(result));
    }

    [Test]
    public void ConceptAccuracyReport_RoundTrips()
    {
        var report = ImagePairAccuracy.Evaluate([new("color", 1, 0), new("size", 0, 1), new("size", 1, 0)]);

        var json = EvaluationJson.Serialize(report);
        var back = EvaluationJson.Deserialize<ConceptAccuracyReport>(json);

        Assert.That(back.Concepts, Is.EqualTo(report.Concepts));
        Assert.That((back.MeanOverConcepts, back.Overall, back.Count), Is.EqualTo((report.MeanOverConcepts, report.Overall, report.Count)));
        Assert.That(EvaluationJson.Serialize(back), Is.EqualTo(json));
    }

    [Test]
    public void WinogroundReport_RoundTrips()
    {
        var report = WinogroundMetrics.Evaluate([new("color", 0.9f, 0.1f, 0.2f, 0.8f), new("size", 0.5f, 0.5f, 0.5f, 0.5f)]);

        var json = EvaluationJson.Serialize(report);
        var back = EvaluationJson.Deserialize<WinogroundReport>(json);

        Assert.That(back.Concepts, Is.EqualTo(report.Concepts));
        Assert.That(back.MeanOverConcepts, Is.EqualTo(report.MeanOverConcepts));
        Assert.That(back.Overall, Is.EqualTo(report.Overall));
        Assert.That(EvaluationJson.Serialize(back), Is.EqualTo(json));
    }

    [Test]
    public void Records_AlsoSerialiseWithDefaultOptions()
    {
        var report = TextConceptRanking.Evaluate([new TextRankingItem("location", 0.4f, [0.1f, 0.3f])]);

        var json = JsonSerializer.Serialize(report);

        Assert.That(JsonSerializer.Deserialize<ConceptAccuracyReport>(json)!.Concepts.Single(), Is.EqualTo(report.Concepts.Single()));
    }

    [Test]
    public void NullJson_IsAJsonException()
    {
        Assert.That(() => EvaluationJson.Deserialize<RetrievalResult>("null"), Throws.TypeOf<JsonException>());
    }
}
