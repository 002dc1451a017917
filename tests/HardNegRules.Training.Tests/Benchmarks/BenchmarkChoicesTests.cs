using HardNegRules.Training.Benchmarks;
using HardNegRules.Training.Loss;

namespace HardNegRules.Training.Tests.Benchmarks;

/// <summary>A benchmark asked for by names and counts is checked before anything is built, in the options' terms.</summary>
public class BenchmarkChoicesTests
{
    [Test]
    public void Names_and_counts_become_the_options_of_the_run()
    {
        BenchmarkOptions options = BenchmarkChoices.Options("Small-ViT", "forward", batch: 4, k: 2, HardNegativeMode.Replace,
            warmup: 1, steps: 6, window: 3, threads: 2, rssEvery: 5);

        Assert.That(options, Is.EqualTo(new BenchmarkOptions(ClipModelOptions.SmallVit, 4, 2, BenchmarkScope.Forward,
            HardNegativeMode.Replace, WarmupSteps: 1, MeasuredSteps: 3, Threads: 2, Windows: 2, MemorySampleEvery: 5)));
        Assert.That(options.TotalSteps, Is.EqualTo(7));
    }

    [TestCase("resnet", "step", 1, 0, 0, 10, 10, 0, 0, "--model must be one of small, small-vit, vit-b32; got 'resnet'.")]
    [TestCase("small", "backward", 1, 0, 0, 10, 10, 0, 0, "--scope must be one of step, forward-backward, forward, optimizer; got 'backward'.")]
    [TestCase("small", "step", 0, 0, 0, 10, 10, 0, 0, "--batch must be at least 1.")]
    [TestCase("small", "step", 1, -1, 0, 10, 10, 0, 0, "--k must be 0 or more.")]
    [TestCase("small", "step", 1, 0, -1, 10, 10, 0, 0, "--warmup must be 0 or more.")]
    [TestCase("small", "step", 1, 0, 0, 10, 0, 0, 0, "--window must be at least 1.")]
    [TestCase("small", "step", 1, 0, 0, 15, 10, 0, 0, "--steps must be a positive multiple of --window (10).")]
    [TestCase("small", "step", 1, 0, 0, 0, 10, 0, 0, "--steps must be a positive multiple of --window (10).")]
    [TestCase("small", "step", 1, 0, 0, 10, 10, -1, 0, "--threads must be 0 or more.")]
    [TestCase("small", "step", 1, 0, 0, 10, 10, 0, -1, "--rss-every must be 0 or more.")]
    public void A_bad_name_or_count_is_refused_naming_its_option(string model, string scope, int batch, int k, int warmup,
        int steps, int window, int threads, int rssEvery, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            BenchmarkChoices.Options(model, scope, batch, k, HardNegativeMode.Append, warmup, steps, window, threads, rssEvery));

        Assert.That(error!.Message, Is.EqualTo(expected));
    }
}
