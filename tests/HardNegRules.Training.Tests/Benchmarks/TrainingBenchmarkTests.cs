using HardNegRules.Training.Benchmarks;

namespace HardNegRules.Training.Tests.Benchmarks;

public class TrainingBenchmarkTests : TorchTestBase
{
    [TestCase(BenchmarkScope.TrainingStep)]
    [TestCase(BenchmarkScope.ForwardBackward)]
    [TestCase(BenchmarkScope.Forward)]
    [TestCase(BenchmarkScope.Optimizer)]
    public void Reports_consistent_throughput_for_a_tiny_model(BenchmarkScope scope)
    {
        var options = new BenchmarkOptions(ColorWorld.TinyModel, BatchSize: 8, NegativesPerCaption: 2, scope,
            WarmupSteps: 1, MeasuredSteps: 2, Threads: 2, Windows: 3, MemorySampleEvery: 3);

        BenchmarkResult result = TrainingBenchmark.Run(options);

        Assert.Multiple(() =>
        {
            Assert.That(result.StepsPerSecond, Is.GreaterThan(0).And.LessThan(double.PositiveInfinity));
            Assert.That(result.SamplesPerSecond, Is.EqualTo(result.StepsPerSecond * 8).Within(1e-9));
            Assert.That(result.MedianStepsPerSecond, Is.GreaterThan(0).And.LessThanOrEqualTo(result.StepsPerSecond));
            Assert.That(result.ParameterCount, Is.EqualTo(new ClipModel(ColorWorld.TinyModel).ParameterCount));
            Assert.That(result.ToString(), Does.Contain("batch 8 k 2").And.Contain("best of 3 x 2 steps"));
            Assert.That(result.WindowSeconds, Has.Count.EqualTo(3));
            Assert.That(result.WindowCpuSeconds, Has.Count.EqualTo(3).And.All.GreaterThan(0));
            Assert.That(result.CpuMillisecondsPerStep, Is.GreaterThan(0));
            Assert.That(result.MillisecondsPerStep, Is.EqualTo(1000 * result.WindowSeconds.Min() / 2).Within(1e-9));
            // Step 0 (built), the warm-up's end, every 3 steps and the last step (1 + 3 x 2 = 7).
            Assert.That(result.Memory.Samples.Select(s => s.Step), Is.EqualTo(new[] { 0, 1, 3, 6, 7 }));
            Assert.That(result.Memory.Samples.Select(s => s.ResidentBytes), Is.All.GreaterThan(0));
        });
    }
}

/// <summary>
/// The figures in docs/benchmarks.md (Training). Explicit: minutes of CPU. Run with
/// <c>dotnet test tests/HardNegRules.Training.Tests -c Release --filter TestCategory=Benchmark --logger "console;verbosity=detailed"</c>.
/// </summary>
[Explicit("minutes of CPU; run on demand"), Category("Benchmark")]
public class TrainingBenchmarkFigures : TorchTestBase
{
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(3)]
    public void Small_default_training_step(int k)
    {
        BenchmarkResult result = TrainingBenchmark.Run(new BenchmarkOptions(ClipModelOptions.SmallCpu, BatchSize: 128,
            NegativesPerCaption: k, WarmupSteps: 5, MeasuredSteps: 10, Threads: 2, Windows: 5));

        TestContext.Out.WriteLine($"BENCH SmallCpu {result}");
        Assert.That(result.StepsPerSecond, Is.GreaterThan(0));
    }

    [TestCase(BenchmarkScope.ForwardBackward)]
    [TestCase(BenchmarkScope.TrainingStep)]
    public void VitB32_batch_8(BenchmarkScope scope)
    {
        BenchmarkResult result = TrainingBenchmark.Run(new BenchmarkOptions(ClipModelOptions.VitB32, BatchSize: 8,
            NegativesPerCaption: 0, scope, WarmupSteps: 2, MeasuredSteps: 2, Threads: 2, Windows: 3));

        TestContext.Out.WriteLine($"BENCH ViT-B/32 {result}");
        Assert.That(result.StepsPerSecond, Is.GreaterThan(0));
    }
}
