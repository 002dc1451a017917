using System.Text.Json;

namespace HardNegRules.Cli.Tests;

public class TrainCommandTests
{
    [Test]
    public void Train_writes_a_checkpoint_the_run_manifest_and_metrics_with_a_falling_loss()
    {
        string dir = Hardneg.TempDirectory();

        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot, TinyTraining.Args("train", "--out", dir, "--k", "1"));

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Does.Contain("step 30/30"));
        Assert.That(File.Exists(Path.Combine(dir, "checkpoint.bin")), Is.True);
        Assert.That(File.Exists(Path.Combine(dir, "run.json")), Is.True);
        List<(int Step, double Loss)> metrics = TinyTraining.ReadMetrics(Path.Combine(dir, "metrics.jsonl"));
        Assert.That(metrics.Select(m => m.Step), Is.EqualTo(Enumerable.Range(1, 30)));
        double first = metrics.Take(5).Average(m => m.Loss);
        double last = metrics.TakeLast(5).Average(m => m.Loss);
        Assert.That(last, Is.LessThan(first * 0.9), $"loss {first:0.000} -> {last:0.000}");
    }

    [Test]
    public void Resume_continues_a_stopped_run_to_its_last_step()
    {
        string dir = Hardneg.TempDirectory();
        Hardneg.Result stopped = Hardneg.RunIn(Hardneg.RepositoryRoot, TinyTraining.Args("train", "--out", dir, "--stop-after", "12"));
        Assert.That(stopped.ExitCode, Is.Zero, stopped.Stderr);
        Assert.That(TinyTraining.ReadMetrics(Path.Combine(dir, "metrics.jsonl")), Has.Count.EqualTo(12));

        Hardneg.Result resumed = Hardneg.RunIn(Hardneg.RepositoryRoot, TinyTraining.Args("train", "--out", dir, "--resume"));

        Assert.That(resumed.ExitCode, Is.Zero, resumed.Stderr);
        Assert.That(resumed.Stderr, Does.Contain("from step 12"));
        Assert.That(TinyTraining.ReadMetrics(Path.Combine(dir, "metrics.jsonl")).Select(m => m.Step), Is.EqualTo(Enumerable.Range(1, 30)));
        using JsonDocument state = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "checkpoint.json")));
        Assert.That(state.RootElement.GetProperty("Step").GetInt32(), Is.EqualTo(30));
    }

    [Test]
    public void Training_into_a_folder_that_holds_a_run_needs_resume()
    {
        string dir = Hardneg.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "checkpoint.bin"), "not a checkpoint");

        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot, TinyTraining.Args("train", "--out", dir));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("already holds a run").And.Contain("--resume"));
    }

    [Test]
    public void A_bad_preset_override_is_reported_with_its_place_and_exit_code_2()
    {
        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot, "train", "--out", Hardneg.TempDirectory(), "--set", "schedule.stepz=3");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("override 'schedule.stepz=3'").And.Contain("unknown key 'stepz' in 'schedule'"));
    }

    [Test]
    public void Asking_for_cuda_where_there_is_none_is_a_usage_error()
    {
        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot, TinyTraining.Args("train", "--out", Hardneg.TempDirectory(), "--device", "cuda"));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr, Does.Contain("CUDA is not available").And.Contain("--device cpu"));
    }
}
