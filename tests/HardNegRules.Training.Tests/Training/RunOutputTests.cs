using System.Text.Json;
using HardNegRules.Training.Datasets;
using HardNegRules.Training.Presets;
using HardNegRules.Training.Runs;
using HardNegRules.Training.Training;

namespace HardNegRules.Training.Tests.Training;

public class RunOutputTests : TorchTestBase
{
    private static Preset TinyPreset(params string[] overrides) => PresetCatalog.Load("concept-world-quick",
    [
        "data.image-size=16", "data.train-scenes=12", "data.test-scenes=8", "model.channels=[8, 16]", "model.embed-dim=16",
        "model.text-width=16", "model.text-layers=1", "model.text-heads=2", "schedule.batch-size=8", "schedule.steps=5",
        "schedule.warmup=1", "schedule.checkpoint-every=0", .. overrides,
    ]);

    [Test]
    public void A_run_folder_gets_tensorboard_events_that_an_independent_reader_accepts_step_by_step()
    {
        using var dir = new TempDirectory();
        var run = new PresetRun(TinyPreset());
        using ClipModel model = run.CreateModel();
        using (Trainer trainer = run.CreateTrainer(model, run.TrainerOptions(dir.Path) with { Threads = 2 }))
        {
            trainer.Train();
        }

        string events = Directory.GetFiles(dir.Path, "events.out.tfevents.*").Single();
        List<TensorBoardEventReader.Event> read = TensorBoardEventReader.Read(events);

        Assert.That(read[0].FileVersion, Is.EqualTo("brain.Event:2"), "file_version comes first");
        Assert.That(read.Skip(1).Select(e => e.Step), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
        Assert.That(read.Skip(1).Select(e => e.FileVersion), Has.All.Null);
        Assert.That(read.Select(e => e.WallTime), Has.All.GreaterThan(1.6e9), "seconds since 1970");
        double[] jsonLoss = [.. File.ReadLines(Path.Combine(dir.Path, "metrics.jsonl")).Select(line =>
        {
            using JsonDocument record = JsonDocument.Parse(line);
            return record.RootElement.GetProperty("loss").GetDouble();
        })];
        foreach ((TensorBoardEventReader.Event e, double loss) in read.Skip(1).Zip(jsonLoss))
        {
            Assert.That(e.Scalars.Select(s => s.Tag), Is.EqualTo(new[] { "train/loss", "train/lr", "train/samples_per_s", "train/logit_scale", "train/grad_norm" }));
            Assert.That(e.Scalars[0].Value, Is.EqualTo((float)loss), "the same loss as metrics.jsonl");
        }
    }

    [Test]
    public void Tensorboard_can_be_turned_off_by_the_preset()
    {
        using var dir = new TempDirectory();
        var run = new PresetRun(TinyPreset("schedule.tensorboard=false"));

        Assert.That(run.TrainerOptions(dir.Path).TensorBoardDirectory, Is.Null);
        Assert.That(new PresetRun(TinyPreset()).TrainerOptions(dir.Path).TensorBoardDirectory, Is.EqualTo(dir.Path));
        Assert.That(new PresetRun(TinyPreset()).TrainerOptions(null).TensorBoardDirectory, Is.Null);
    }

    [Test]
    public void Batches_are_the_same_whatever_the_number_of_decoding_threads()
    {
        var dataset = new SlowDataset(40);
        var order = new DataOrder(seed: 5, dataset.Count, batchSize: 16);
        long[] Tokenize(string text) => [49406, text.Length, 49407];
        PreparedBatch Build(int workers, int step) => new BatchBuilder(dataset, order, Tokenize, null, 0, 4, 77, workers).Build(step);

        for (int step = 0; step < 4; step++)
        {
            PreparedBatch one = Build(1, step), four = Build(4, step);
            Assert.That(four.Pixels, Is.EqualTo(one.Pixels), $"step {step}");
            Assert.That(four.Tokens, Is.EqualTo(one.Tokens), $"step {step}");
        }
        Assert.That(dataset.MostAtOnce, Is.InRange(2, 4), "read in parallel, never more than the workers at once");
    }

    /// <summary>Samples whose pixels encode their index, read slowly enough that workers overlap.</summary>
    private sealed class SlowDataset(int count) : IImageTextDataset
    {
        private int _reading;

        public int MostAtOnce { get; private set; }

        public int Count => count;

        public ImageTextSample GetSample(int index)
        {
            int now = Interlocked.Increment(ref _reading);
            lock (this)
            {
                MostAtOnce = Math.Max(MostAtOnce, now);
            }
            Thread.Sleep(5);
            Interlocked.Decrement(ref _reading);
            float[] pixels = [.. Enumerable.Range(0, 3 * 4 * 4).Select(i => index + (i / 100f))];
            return new ImageTextSample(pixels, $"caption {index}", index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
