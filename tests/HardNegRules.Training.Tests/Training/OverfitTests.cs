using HardNegRules.Training.Training;
using static TorchSharp.torch;

namespace HardNegRules.Training.Tests.Training;

/// <summary>The end-to-end check that the model, loss and trainer learn: a tiny model memorises 64 pairs.</summary>
public class OverfitTests : TorchTestBase
{
    // Wider than ColorWorld.TinyModel: mapping 64 arbitrary colours to 64 captions needs a little capacity.
    private static readonly ClipModelOptions MemorisingModel = ColorWorld.TinyModel with
    {
        EmbedDim = 64,
        Text = ColorWorld.TinyModel.Text with { Width = 64 },
    };

    private static TrainerOptions Options(int steps, string? metrics = null, string? tensorBoard = null) => new()
    {
        TotalSteps = steps,
        BatchSize = 64,
        LearningRate = 3e-3,
        WarmupSteps = 10,
        WeightDecay = 0,
        Seed = 3,
        Threads = 2,
        MetricsPath = metrics,
        TensorBoardDirectory = tensorBoard,
    };

    [Test]
    public void A_tiny_model_memorises_64_pairs_to_perfect_retrieval()
    {
        var data = ColorWorld.Create(64);
        using var model = new ClipModel(MemorisingModel, seed: 3);
        using var trainer = new Trainer(model, Options(steps: 200), data, ColorWorld.Tokenize);

        TrainingResult result = trainer.Train();

        (double imageToText, double textToImage) = RetrievalAccuracy(model, data);
        Assert.Multiple(() =>
        {
            Assert.That(result.LastLoss, Is.LessThan(0.1), "loss did not approach zero");
            Assert.That(imageToText, Is.EqualTo(1.0), "image->text top-1");
            Assert.That(textToImage, Is.EqualTo(1.0), "text->image top-1");
        });
    }

    [Test]
    public void Loss_falls_and_every_step_is_logged_to_jsonl_and_tensorboard()
    {
        using var dir = new TempDirectory();
        string metrics = dir.File("metrics.jsonl");
        var data = ColorWorld.Create(64);
        using var model = new ClipModel(MemorisingModel, seed: 4);
        string tensorBoard = dir.File("tb");
        using var trainer = new Trainer(model, Options(steps: 30, metrics, tensorBoard), data, ColorWorld.Tokenize);

        trainer.Train();

        double[] losses = File.ReadAllLines(metrics)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("loss").GetDouble())
            .ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(losses, Has.Length.EqualTo(30));
            Assert.That(Directory.GetFiles(tensorBoard, "events.out.tfevents.*"), Has.Length.EqualTo(1));
            Assert.That(losses.TakeLast(5).Average(), Is.LessThan(0.6 * losses.Take(5).Average()));
        });
    }

    private static (double ImageToText, double TextToImage) RetrievalAccuracy(ClipModel model,
        InMemoryImageTextDataset data)
    {
        model.eval();
        using var noGrad = torch.no_grad();
        int count = data.Count;
        int size = model.Options.Vision.ImageSize;
        var pixels = new float[count * 3 * size * size];
        var tokens = new long[count * 77];
        for (int i = 0; i < count; i++)
        {
            var sample = data.GetSample(i);
            sample.Pixels.Span.CopyTo(pixels.AsSpan(i * 3 * size * size));
            ColorWorld.Tokenize(sample.Caption).CopyTo(tokens.AsSpan(i * 77));
        }
        Tensor similarity = model.EncodeImage(torch.tensor(pixels, [count, 3, size, size]))
            .matmul(model.EncodeText(torch.tensor(tokens, [count, 77])).t());
        Tensor truth = torch.arange(count);
        double imageToText = similarity.argmax(1).eq(truth).to(ScalarType.Float32).mean().item<float>();
        double textToImage = similarity.argmax(0).eq(truth).to(ScalarType.Float32).mean().item<float>();
        return (imageToText, textToImage);
    }
}
