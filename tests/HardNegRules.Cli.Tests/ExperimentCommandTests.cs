using System.Diagnostics;
using System.Text.Json;

namespace HardNegRules.Cli.Tests;

public class ExperimentCommandTests
{
    private static readonly string[] ConceptTests = ["image_pair", "image_pair_binding", "text_ranking", "text_ranking_binding"];
    private static readonly string[] ConceptKeys = ["color", "shape", "size", "location", "mean"];
    private static readonly string[] RetrievalKeys = ["i2t_r1", "i2t_r5", "t2i_r1", "t2i_r5"];

    [Test]
    public void Quick_experiment_runs_end_to_end_and_writes_the_report_contract()
    {
        string dir = Hardneg.TempDirectory();
        var clock = Stopwatch.StartNew();

        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot,
            ["experiment", "--quick", "--out", dir, .. TinyTraining.Overrides(20)]);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)));
        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "report.json")));
        JsonElement root = report.RootElement;
        Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "preset", "runs" }));
        Assert.That(root.GetProperty("preset").GetString(), Is.EqualTo("concept-world-quick"));
        JsonElement[] runs = [.. root.GetProperty("runs").EnumerateArray()];
        Assert.That(runs.Select(r => r.GetProperty("name").GetString()), Is.EqualTo(new[] { "plain", "hard-negatives" }));
        Assert.That(runs[0].GetProperty("k").GetInt32(), Is.Zero);
        Assert.That(runs[1].GetProperty("k").GetInt32(), Is.GreaterThanOrEqualTo(1));
        foreach (JsonElement run in runs)
        {
            Assert.That(run.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "name", "k", "train_seconds", "metrics" }));
            Assert.That(run.GetProperty("train_seconds").GetDouble(), Is.GreaterThan(0));
            JsonElement metrics = run.GetProperty("metrics");
            Assert.That(metrics.EnumerateObject().Select(p => p.Name), Is.EqualTo(ConceptTests.Append("retrieval")));
            foreach (string test in ConceptTests)
            {
                Assert.That(metrics.GetProperty(test).EnumerateObject().Select(p => p.Name), Is.EqualTo(ConceptKeys), test);
                Assert.That(ConceptKeys.Select(k => metrics.GetProperty(test).GetProperty(k).GetDouble()), Has.All.InRange(0.0, 1.0), test);
            }
            Assert.That(metrics.GetProperty("retrieval").EnumerateObject().Select(p => p.Name), Is.EqualTo(RetrievalKeys));
            Assert.That(RetrievalKeys.Select(k => metrics.GetProperty("retrieval").GetProperty(k).GetDouble()), Has.All.InRange(0.0, 1.0));
        }
        string markdown = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.That(markdown, Does.Contain("hardneg experiment --quick --out").And.Contain("Seeds: training 42"));
        Assert.That(markdown, Does.Contain("| text_ranking_binding | location |"));
        Assert.That(File.Exists(Path.Combine(dir, "training-loss.png")), Is.True, "ScottPlot renders headless here");
        Assert.That(File.Exists(Path.Combine(dir, "concepts-image_pair_binding.png")), Is.True);
        Assert.That(File.ReadLines(Path.Combine(dir, "training-loss.csv")).Count(), Is.EqualTo(1 + (2 * 20)));

        // Each run folder records its preset and overrides, so eval rebuilds the tiny model from the folder alone.
        Hardneg.Result evaluated = Hardneg.RunIn(Hardneg.RepositoryRoot, "eval", "--checkpoint", Path.Combine(dir, "hard-negatives"));
        Assert.That(evaluated.ExitCode, Is.Zero, evaluated.Stderr);
    }

    [Test]
    public void Pretraining_is_shared_by_both_runs_which_start_from_its_weights()
    {
        string dir = Hardneg.TempDirectory();

        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot,
            ["experiment", "--quick", "--out", dir, "--pretrain-steps", "30", .. TinyTraining.Overrides(5)]);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        List<(int Step, double Loss)> pretrain = TinyTraining.ReadMetrics(Path.Combine(dir, "pretrain", "metrics.jsonl"));
        Assert.That(pretrain, Has.Count.EqualTo(30));
        Assert.That(TinyTraining.ReadMetrics(Path.Combine(dir, "hard-negatives", "metrics.jsonl")), Has.Count.EqualTo(5));
        // Both runs load the weights the same way; plain's loss is comparable with pre-training's (no extra columns).
        List<(int Step, double Loss)> plain = TinyTraining.ReadMetrics(Path.Combine(dir, "plain", "metrics.jsonl"));
        Assert.That(plain, Has.Count.EqualTo(5));
        Assert.That(plain[0].Loss, Is.LessThan(pretrain[0].Loss * 0.9), "plain starts from the pre-trained weights");
    }

    [Test]
    public void Pretraining_steps_can_come_from_the_preset()
    {
        string dir = Hardneg.TempDirectory();

        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot,
            ["experiment", "--quick", "--out", dir, "--set", "schedule.pretrain-steps=7", .. TinyTraining.Overrides(3)]);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(TinyTraining.ReadMetrics(Path.Combine(dir, "pretrain", "metrics.jsonl")), Has.Count.EqualTo(7));
        Assert.That(TinyTraining.ReadMetrics(Path.Combine(dir, "plain", "metrics.jsonl")), Has.Count.EqualTo(3));
        Assert.That(File.ReadAllText(Path.Combine(dir, "report.md")),
            Does.Contain("7 steps of plain pre-training shared by both runs, then 3 steps").And.Contain("ranking weight 1"));
    }

    [Test]
    public void A_real_data_preset_is_refused_with_what_to_run_instead()
    {
        string dir = Hardneg.TempDirectory();

        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot, ["experiment", "--preset", "coco", "--out", dir,
            "--set", "data.captions=tests/data/coco/val2017-sample/captions.json", "--set", "data.images=tests/data/coco/val2017-sample"]);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr, Does.Contain("coco").And.Contain("hardneg train"));
        Assert.That(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories), Is.Empty, "nothing trained or written");
    }
}
