using HardNegRules.Data.Loaders;
using HardNegRules.Training.Datasets;
using HardNegRules.Training.Evaluation;
using HardNegRules.Training.Evaluation.ConceptWorld;
using HardNegRules.Training.Evaluation.RealData;
using HardNegRules.Training.Tokenization;

namespace HardNegRules.Training.Tests.Evaluation.RealData;

public class RealDataEvaluationTests : TorchTestBase
{
    private static readonly ClipTokenizer Tokenizer = ClipTokenizer.Create();

    [Test]
    public void Retrieval_and_concept_ranking_are_shares_and_an_unreadable_image_is_left_out_with_its_captions()
    {
        var report = new DataLoadReport();
        List<ImageCaptionPair> pairs = [.. CocoCaptionsLoader.Read(Path.Combine(RepositoryFiles.CocoSample, "captions.json"), RepositoryFiles.CocoSample, report)];
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("broken.jpg"), [0xFF, 0xD8, 0xFF, 0x00]);
        pairs.Add(new ImageCaptionPair("broken", "a red bus on the left", ImageReference.FromFile(dir.File("broken.jpg"))));
        var splits = new RealDataSplits([], pairs, "all of them", report);
        using var model = new ClipModel(TinyConceptWorld.Model, seed: 5);

        RealDataMetrics metrics = RealDataEvaluation.Evaluate(model, splits, "coco", Tokenizer, Permuters.Get("default"));

        Assert.That((metrics.Images, metrics.Captions, metrics.SkippedImages), Is.EqualTo((22, 110, 1)));
        RetrievalRecall r = metrics.Retrieval;
        Assert.That(new[] { r.ImageToTextR1, r.ImageToTextR5, r.ImageToTextR10, r.TextToImageR1, r.TextToImageR5, r.TextToImageR10 }, Has.All.InRange(0.0, 1.0));
        Assert.That(r.TextToImageR10, Is.GreaterThanOrEqualTo(r.TextToImageR5));
        Assert.That(metrics.TextRanking.Concepts.Keys, Is.SupersetOf(new[] { "color", "object" }));
        Assert.That(metrics.TextRanking.Concepts.Values.Select(c => c.Accuracy), Has.All.InRange(0.0, 1.0));
        Assert.That(metrics.TextRanking.Mean, Is.InRange(0.0, 1.0));
        Assert.That(report.Errors.Select(e => e.ToString()), Has.One.Contains("broken.jpg"));
    }

    [Test]
    public void The_held_out_images_can_be_capped()
    {
        List<ImageCaptionPair> pairs = [.. CocoCaptionsLoader.Read(Path.Combine(RepositoryFiles.CocoSample, "captions.json"), RepositoryFiles.CocoSample, new DataLoadReport())];
        using var model = new ClipModel(TinyConceptWorld.Model, seed: 5);

        RealDataMetrics metrics = RealDataEvaluation.Evaluate(model, new RealDataSplits([], pairs, "all", new DataLoadReport()), "coco",
            Tokenizer, Permuters.Get("default"), ["color"], new ConceptWorldEvaluationOptions { MaxTestScenes = 4 });

        Assert.That(metrics.Images, Is.EqualTo(4));
        Assert.That(metrics.TextRanking.Concepts.Keys, Is.SubsetOf(new[] { "color" }));
    }
}
