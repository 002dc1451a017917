using System.Text.Json;

namespace HardNegRules.Cli.Tests;

public class BenchCommandTests
{
    [Test]
    public void Bench_prints_the_figures_and_writes_them_as_json()
    {
        string output = Path.Combine(Hardneg.TempDirectory(), "bench.json");

        Hardneg.Result result = Hardneg.Run("bench", "--model", "small", "--batch", "4", "--k", "1", "--warmup", "1",
            "--steps", "4", "--window", "2", "--threads", "2", "--rss-every", "2", "--out", output);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Does.Contain("7,255,041 parameters").And.Contain("best window:")
            .And.Contain("median window:").And.Contain("RSS MiB: before model"));
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(output));
        JsonElement root = json.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("model").GetString(), Is.EqualTo("small"));
            Assert.That(root.GetProperty("parameters").GetInt64(), Is.EqualTo(7_255_041));
            Assert.That(root.GetProperty("scope").GetString(), Is.EqualTo("TrainingStep"));
            Assert.That(root.GetProperty("batch").GetInt32(), Is.EqualTo(4));
            Assert.That(root.GetProperty("k").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("threads").GetInt32(), Is.EqualTo(2));
            Assert.That(root.GetProperty("warmup_steps").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("steps").GetInt32(), Is.EqualTo(4));
            Assert.That(root.GetProperty("window").GetInt32(), Is.EqualTo(2));

            double stepsPerSecond = root.GetProperty("steps_per_second").GetDouble();
            double best = root.GetProperty("ms_per_step_best").GetDouble();
            Assert.That(stepsPerSecond, Is.GreaterThan(0));
            Assert.That(best, Is.EqualTo(1000 / stepsPerSecond).Within(1e-6));
            Assert.That(root.GetProperty("samples_per_second").GetDouble(), Is.EqualTo(4 * stepsPerSecond).Within(1e-6));
            Assert.That(root.GetProperty("ms_per_step_median").GetDouble(), Is.GreaterThanOrEqualTo(best));
            double[] windows = [.. root.GetProperty("window_ms_per_step").EnumerateArray().Select(w => w.GetDouble())];
            Assert.That(windows, Has.Length.EqualTo(2));
            Assert.That(windows.Min(), Is.EqualTo(best).Within(1e-6));
            double[] cpu = [.. root.GetProperty("window_cpu_ms_per_step").EnumerateArray().Select(w => w.GetDouble())];
            Assert.That(cpu, Has.Length.EqualTo(2).And.All.GreaterThan(0));
            Assert.That(root.GetProperty("cpu_ms_per_step_median").GetDouble(), Is.EqualTo(cpu.Max()).Within(1e-6));

            // RSS: step 0 (model built), every 2 steps, after the 1 warm-up step and at the end (step 5).
            JsonElement rss = root.GetProperty("rss");
            int[] steps = [.. rss.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("step").GetInt32())];
            Assert.That(steps, Is.EqualTo(new[] { 0, 1, 2, 4, 5 }));
            double[] mb = [.. rss.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("mb").GetDouble())];
            Assert.That(rss.GetProperty("start_mb").GetDouble(), Is.EqualTo(mb[0]));
            Assert.That(rss.GetProperty("after_warmup_mb").GetDouble(), Is.EqualTo(mb[1]));
            Assert.That(rss.GetProperty("end_mb").GetDouble(), Is.EqualTo(mb[^1]));
            Assert.That(rss.GetProperty("max_mb").GetDouble(), Is.EqualTo(mb.Max()));
            Assert.That(rss.GetProperty("before_model_mb").GetDouble(), Is.GreaterThan(0).And.LessThan(mb[0]));
            Assert.That(rss.GetProperty("every").GetInt32(), Is.EqualTo(2));
            Assert.That(rss.TryGetProperty("slope_mb_per_1000_steps", out _), Is.True);

            JsonElement machine = root.GetProperty("machine");
            Assert.That(machine.GetProperty("processors").GetInt32(), Is.EqualTo(Environment.ProcessorCount));
            Assert.That(machine.GetProperty("load_average").GetArrayLength(), Is.EqualTo(OperatingSystem.IsLinux() ? 3 : 0));
            Assert.That(machine.GetProperty("omp_wait_policy").GetString(), Is.Not.Empty);
        });
    }

    [TestCase("--steps", "15", "--steps must be a positive multiple of --window (10)")]
    [TestCase("--model", "resnet", "--model must be one of small, small-vit, vit-b32; got 'resnet'")]
    [TestCase("--batch", "0", "--batch must be at least 1")]
    [TestCase("--scope", "backward", "--scope must be one of step, forward-backward, forward, optimizer; got 'backward'")]
    public void Bench_rejects_bad_options_with_a_usage_error(string option, string value, string message)
    {
        Hardneg.Result result = Hardneg.Run("bench", option, value);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain(message));
    }
}
