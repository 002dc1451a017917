using HardNegRules.Training.Checkpoints;
using HardNegRules.Training.Datasets;
using HardNegRules.Training.Loss;
using HardNegRules.Training.Training;
using static TorchSharp.torch;

namespace HardNegRules.Training.Tests.Training;

public class TrainerTests : TorchTestBase
{
    private static TrainerOptions Options(string? checkpoints, int totalSteps = 20) => new()
    {
        TotalSteps = totalSteps,
        BatchSize = 8,
        LearningRate = 3e-3,
        WarmupSteps = 4,
        Seed = 11,
        Threads = 2,
        NegativesPerCaption = 1,
        NegativeMode = HardNegativeMode.Replace,
        CheckpointDirectory = checkpoints,
        CheckpointEvery = 5,
    };

    private static Dictionary<string, float[]> Weights(ClipModel model) =>
        model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.data<float>().ToArray());

    [TestCase(HardNegativeMode.Replace)]
    [TestCase(HardNegativeMode.Append)]
    public void Ten_steps_resume_ten_steps_equals_twenty_straight(HardNegativeMode mode)
    {
        using var straightDir = new TempDirectory();
        using var resumedDir = new TempDirectory();
        var data = ColorWorld.Create(24);                           // 3 steps per epoch: the resume crosses epochs

        using var straightModel = new ClipModel(ColorWorld.TinyModel, seed: 1);
        using (var straight = new Trainer(straightModel, Options(straightDir.Path) with { NegativeMode = mode }, data,
                   ColorWorld.Tokenize, new SwapWordsNegatives()))
        {
            straight.Train();
        }

        using (var firstModel = new ClipModel(ColorWorld.TinyModel, seed: 1))
        using (var firstHalf = new Trainer(firstModel, Options(resumedDir.Path) with { NegativeMode = mode, CheckpointEvery = 0 },
                   data, ColorWorld.Tokenize, new SwapWordsNegatives()))
        {
            Assert.That(firstHalf.Train(stopAfterStep: 10).Step, Is.EqualTo(10));
        }
        // A different initialisation proves that everything comes from the checkpoint.
        using var resumedModel = new ClipModel(ColorWorld.TinyModel, seed: 999);
        using (var secondHalf = new Trainer(resumedModel, Options(resumedDir.Path) with { NegativeMode = mode }, data,
                   ColorWorld.Tokenize, new SwapWordsNegatives()))
        {
            CheckpointState state = secondHalf.Resume();
            Assert.That((state.Step, state.Epoch, state.BatchInEpoch), Is.EqualTo((10, 3, 1)));
            Assert.That(secondHalf.Train().Step, Is.EqualTo(20));
        }

        var expected = Weights(straightModel);
        var actual = Weights(resumedModel);
        Assert.That(actual.Keys, Is.EquivalentTo(expected.Keys));
        float largest = expected.Keys.Max(k => expected[k].Zip(actual[k], (a, b) => Math.Abs(a - b)).Max());
        // Bitwise: CPU kernels at a fixed thread count are deterministic, and nothing else may differ.
        Assert.That(largest, Is.Zero, "resumed weights differ from the uninterrupted run");
    }

    [Test]
    public void Resume_refuses_a_checkpoint_of_another_set_up()
    {
        using var dir = new TempDirectory();
        var data = ColorWorld.Create(16);
        using (var model = new ClipModel(ColorWorld.TinyModel, seed: 1))
        using (var trainer = new Trainer(model, Options(dir.Path, totalSteps: 2), data, ColorWorld.Tokenize))
        {
            trainer.Train();
        }

        using var other = new ClipModel(ColorWorld.TinyModel, seed: 1);
        using var otherTrainer = new Trainer(other, Options(dir.Path, totalSteps: 2) with { Seed = 12 }, data,
            ColorWorld.Tokenize);

        var error = Assert.Throws<InvalidOperationException>(() => otherTrainer.Resume());
        Assert.That(error!.Message, Does.Contain("seed 11 vs 12"));
    }

    [Test]
    public void A_non_finite_loss_stops_with_the_step_and_keeps_the_last_good_checkpoint()
    {
        using var dir = new TempDirectory();
        // 16 pairs, batch 8: steps 1-4 read 32 samples; from the 33rd read on the pixels are NaN, so step 5 fails.
        var data = new PoisonedAfter(ColorWorld.Create(16), goodReads: 32);
        using var model = new ClipModel(ColorWorld.TinyModel, seed: 1);
        using var trainer = new Trainer(model, Options(dir.Path) with { CheckpointEvery = 2 }, data, ColorWorld.Tokenize);

        var error = Assert.Throws<NonFiniteLossException>(() => trainer.Train());

        string checkpoint = Path.Combine(dir.Path, Trainer.CheckpointFileName);
        Assert.Multiple(() =>
        {
            Assert.That(error!.Step, Is.EqualTo(5));
            Assert.That(error.Message, Does.Contain("step 5").And.Contain("NaN").And.Contain("(step 4)"));
            Assert.That(CheckpointFile.ReadState(checkpoint).Step, Is.EqualTo(4));
            Assert.That(Weights(model).Values.SelectMany(v => v).All(float.IsFinite), "the bad step updated weights");
        });
    }

    [Test]
    public void Worker_failures_reach_the_caller()
    {
        var data = new PoisonedAfter(ColorWorld.Create(16), goodReads: 10, throwInstead: true);
        using var model = new ClipModel(ColorWorld.TinyModel, seed: 1);
        using var trainer = new Trainer(model, Options(null), data, ColorWorld.Tokenize);

        var error = Assert.Throws<InvalidDataException>(() => trainer.Train());

        Assert.That(error!.Message, Does.Contain("read 11"));
    }

    [Test]
    public void Negatives_are_requested_per_caption_with_the_epoch_and_progress_is_reported_every_step()
    {
        var data = ColorWorld.Create(16);
        var negatives = new SwapWordsNegatives();
        var reports = new List<TrainingProgress>();
        using var model = new ClipModel(ColorWorld.TinyModel, seed: 1);
        using var trainer = new Trainer(model, Options(null, totalSteps: 4), data, ColorWorld.Tokenize, negatives,
            new SynchronousProgress(reports.Add));

        trainer.Train();

        Assert.Multiple(() =>
        {
            Assert.That(negatives.Calls, Has.Count.EqualTo(32));                   // 4 steps x 8 captions
            Assert.That(negatives.Calls.Select(c => c.Epoch).Distinct(), Is.EquivalentTo(new[] { 0, 1 }));
            Assert.That(negatives.Calls.Take(16).Select(c => c.CaptionId), Is.Unique, "epoch 0 sees each caption once");
            Assert.That(reports.Select(r => r.Step), Is.EqualTo(new[] { 1, 2, 3, 4 }));
            Assert.That(reports, Has.All.Matches<TrainingProgress>(r => r.TotalSteps == 4 && double.IsFinite(r.Loss)));
        });
    }

    [Test]
    public void Cancellation_stops_before_the_next_step_and_leaves_the_trainer_usable()
    {
        using var cancel = new CancellationTokenSource();
        using var model = new ClipModel(ColorWorld.TinyModel, seed: 1);
        using var trainer = new Trainer(model, Options(null, totalSteps: 10), ColorWorld.Create(16), ColorWorld.Tokenize,
            progress: new SynchronousProgress(p =>
            {
                if (p.Step == 3)
                {
                    cancel.Cancel();
                }
            }));

        Assert.Catch<OperationCanceledException>(() => trainer.Train(cancellation: cancel.Token));
        int stoppedAt = trainer.Step;
        TrainingResult rest = trainer.Train();

        Assert.Multiple(() =>
        {
            Assert.That(stoppedAt, Is.EqualTo(3));
            Assert.That(rest.Step, Is.EqualTo(10));
        });
    }

    [Test]
    public void Pretokenised_samples_train_like_tokenised_captions()
    {
        static float[] Train(InMemoryImageTextDataset data)
        {
            using var model = new ClipModel(ColorWorld.TinyModel, seed: 1);
            using var trainer = new Trainer(model, Options(null, totalSteps: 3), data, ColorWorld.Tokenize);
            trainer.Train();
            return model.LogLogitScale.data<float>().ToArray()
                .Concat(Weights(model)["text.token_embedding.weight"]).ToArray();
        }

        Assert.That(Train(ColorWorld.Create(16, pretokenize: true)), Is.EqualTo(Train(ColorWorld.Create(16))));
    }

    [Test]
    public void Cuda_without_a_gpu_is_a_clear_error()
    {
        Assume.That(torch.cuda.is_available(), Is.False, "this machine has CUDA");
        using var model = new ClipModel(ColorWorld.TinyModel, seed: 1);

        var error = Assert.Throws<InvalidOperationException>(() =>
            new Trainer(model, Options(null) with { Device = "cuda" }, ColorWorld.Create(8), ColorWorld.Tokenize));

        Assert.That(error!.Message, Does.Contain("CUDA is not available").And.Contain("--device cpu"));
    }

    [Test]
    public void Images_of_the_wrong_size_are_reported_with_the_sample()
    {
        var data = ColorWorld.Create(8, imageSize: 8);
        using var model = new ClipModel(ColorWorld.TinyModel, seed: 1);
        using var trainer = new Trainer(model, Options(null), data, ColorWorld.Tokenize);

        var error = Assert.Throws<InvalidOperationException>(() => trainer.Train());

        Assert.That(error!.Message, Does.Contain("3 x 16 x 16"));
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and race the asserts).</summary>
    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }

    /// <summary>Serves good samples for a number of reads, then NaN pixels (or throws).</summary>
    private sealed class PoisonedAfter(IImageTextDataset inner, int goodReads, bool throwInstead = false)
        : IImageTextDataset
    {
        private int _reads;

        public int Count => inner.Count;

        public ImageTextSample GetSample(int index)
        {
            _reads++;
            ImageTextSample sample = inner.GetSample(index);
            if (_reads <= goodReads)
            {
                return sample;
            }
            if (throwInstead)
            {
                throw new InvalidDataException($"corrupt image at read {_reads}");
            }
            var pixels = new float[sample.Pixels.Length];
            Array.Fill(pixels, float.NaN);
            return sample with { Pixels = pixels };
        }
    }
}
