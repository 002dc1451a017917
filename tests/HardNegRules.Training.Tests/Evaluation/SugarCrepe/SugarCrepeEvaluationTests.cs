using HardNegRules.Data.Loaders;
using HardNegRules.Training.Datasets;
using HardNegRules.Training.Evaluation;
using HardNegRules.Training.Evaluation.SugarCrepe;
using HardNegRules.Training.Tokenization;

namespace HardNegRules.Training.Tests.Evaluation.SugarCrepe;

public class SugarCrepeEvaluationTests : TorchTestBase
{
    private static readonly ClipTokenizer Tokenizer = ClipTokenizer.Create();

    private static List<SugarCrepeItem> Items() => SugarCrepeFiles.Read(RepositoryFiles.SugarCrepe, new DataLoadReport());

    [Test]
    public void Every_item_is_evaluated_or_skipped_and_a_missing_image_is_reported()
    {
        using var images = new TempDirectory();
        foreach (string file in Directory.GetFiles(RepositoryFiles.CocoSample, "*.jpg").Where(f => !f.EndsWith("000000397133.jpg", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(images.Path, Path.GetFileName(file)));
        }
        List<SugarCrepeItem> items = Items();
        int missing = items.Count(i => i.FileName == "000000397133.jpg");
        using var model = new ClipModel(TinyConceptWorld.Model, seed: 5);
        var report = new DataLoadReport();

        SugarCrepeReport result = SugarCrepeEvaluation.Evaluate(model, Tokenizer, items, images.Path, report, batchSize: 8);

        Assert.That(missing, Is.GreaterThan(0));
        Assert.That(result.Overall.Skipped, Is.EqualTo(missing));
        Assert.That(result.Overall.Evaluated, Is.EqualTo(items.Count - missing));
        Assert.That(result.Categories.Sum(c => c.Evaluated + c.Skipped), Is.EqualTo(items.Count));
        Assert.That(result.Categories.Select(c => c.Accuracy), Has.All.InRange(0.0, 1.0));
        Assert.That(report.Errors.Single().ToString(), Does.Contain("000000397133.jpg").And.Contain("file not found"));
    }

    [Test]
    public void The_scores_are_the_models_similarities_and_the_run_is_deterministic()
    {
        List<SugarCrepeItem> items = Items();
        using var model = new ClipModel(TinyConceptWorld.Model, seed: 5);

        SugarCrepeReport first = SugarCrepeEvaluation.Evaluate(model, Tokenizer, items, RepositoryFiles.CocoSample, new DataLoadReport(), batchSize: 16);
        SugarCrepeReport second = SugarCrepeEvaluation.Evaluate(model, Tokenizer, items, RepositoryFiles.CocoSample, new DataLoadReport(), batchSize: 5);

        Assert.That(first.Overall.Evaluated, Is.EqualTo(83));
        Assert.That(second.Categories, Is.EqualTo(first.Categories), "batching does not change a score's side of the comparison");

        // Recompute one category by hand from the embedder.
        var embedder = new ClipEmbedder(model, Tokenizer);
        var decoder = new PhotoDecoder(model.Options.Vision.ImageSize, new DataLoadReport());
        SugarCrepeItem[] swap = [.. items.Where(i => i.Category == "swap_obj")];
        int correct = 0;
        foreach (SugarCrepeItem item in swap)
        {
            Assert.That(decoder.TryDecode(ImageReference.FromFile(Path.Combine(RepositoryFiles.CocoSample, item.FileName)), "test", out float[]? pixels), Is.True);
            float[] image = embedder.EmbedImages([pixels!])[0];
            float[][] texts = embedder.EmbedTexts([item.Caption, item.NegativeCaption]);
            correct += ClipEmbedder.Score(texts[0], image) > ClipEmbedder.Score(texts[1], image) ? 1 : 0;
        }
        Assert.That(first.Categories.Single(c => c.Category == "swap_obj").Correct, Is.EqualTo(correct));
    }
}
