using System.Text.Json;

namespace HardNegRules.Cli.Tests;

public class ExperimentCommandTests
{
    private static readonly string[] ConceptTests = ["image_pair", "image_pair_binding", "text_ranking", "text_ranking_binding"];
    private static readonly string[] ConceptKeys = ["color", "shape", "size", "location", "mean"];
    private static readonly string[] RetrievalKeys = ["i2t_r1", "i2t_r5", "i2t_r10", "t2i_r1", "t2i_r5", "t2i_r10"];

    [Test]
    public void Quick_experiment_runs_end_to_end_and_writes_the_report_contract()
    {
        string dir = Hardneg.TempDirectory();

        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot,
            ["experiment", "--quick", "--out", dir, .. TinyTraining.Overrides(20)]);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "report.json")));
        JsonElement root = report.RootElement;
        Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
            { "preset", "seeds", "arms", "pretrain_steps", "steps", "batch_size", "wall_seconds", "headline", "runs", "differences", "alpha_sweep" }));
        Assert.That(root.GetProperty("preset").GetString(), Is.EqualTo("concept-world-quick"));
        Assert.That(root.GetProperty("seeds").EnumerateArray().Select(s => s.GetInt32()), Is.EqualTo(new[] { 42 }));
        JsonElement[] runs = [.. root.GetProperty("runs").EnumerateArray()];
        Assert.That(runs.Select(r => r.GetProperty("arm").GetString()), Is.EqualTo(new[] { "plain", "negatives" }));
        Assert.That(runs[0].GetProperty("k").GetInt32(), Is.Zero);
        Assert.That(runs[1].GetProperty("k").GetInt32(), Is.GreaterThanOrEqualTo(1));
        foreach (JsonElement run in runs)
        {
            Assert.That(run.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "arm", "seed", "k", "train_seconds", "metrics", "metrics_seen", "metrics_held_out", "probes" }));
            JsonElement probes = run.GetProperty("probes");
            Assert.That(new[] { probes.GetProperty("image").GetDouble(), probes.GetProperty("text").GetDouble() }, Has.All.InRange(0.0, 1.0));
            Assert.That(probes.GetProperty("twins").GetInt32(), Is.Positive);
            Assert.That(run.GetProperty("train_seconds").GetDouble(), Is.GreaterThan(0));
            JsonElement metrics = run.GetProperty("metrics");
            Assert.That(metrics.EnumerateObject().Select(p => p.Name), Is.EqualTo(ConceptTests.Append("retrieval")));
            foreach (string test in ConceptTests)
            {
                Assert.That(metrics.GetProperty(test).EnumerateObject().Select(p => p.Name), Is.EqualTo(ConceptKeys), test);
            }
            Assert.That(metrics.GetProperty("retrieval").EnumerateObject().Select(p => p.Name), Is.EqualTo(RetrievalKeys));
            Assert.That(RetrievalKeys.Select(k => metrics.GetProperty("retrieval").GetProperty(k).GetDouble()), Has.All.InRange(0.0, 1.0));
        }
        JsonElement headline = root.GetProperty("headline").EnumerateArray().Single();
        Assert.That((headline.GetProperty("arm").GetString(), headline.GetProperty("test").GetString(), headline.GetProperty("concept").GetString()),
            Is.EqualTo(("negatives", "image_pair_binding", "color+shape")));
        double perSeed = headline.GetProperty("per_seed_points").GetProperty("42").GetDouble();
        Assert.That(headline.GetProperty("mean_points").GetDouble(), Is.EqualTo(perSeed), "one seed: the mean is that seed's difference");
        Assert.That(headline.GetProperty("sd_points").ValueKind, Is.EqualTo(JsonValueKind.Null), "one seed has no spread");
        // The weight-averaging sweep: plain (alpha 0) and negatives (alpha 1) are the arms' own numbers, merges lie between.
        JsonElement[] sweep = [.. root.GetProperty("alpha_sweep").EnumerateArray()];
        Assert.That(sweep.Select(p => p.GetProperty("alpha").GetDouble()), Is.EqualTo(new[] { 0, 0.25, 0.5, 0.75, 1 }));
        Assert.That(sweep.Select(p => p.GetProperty("seed").GetInt32()), Has.All.EqualTo(42));
        Assert.That(sweep[0].GetProperty("i2t_r5").GetDouble(), Is.EqualTo(runs[0].GetProperty("metrics").GetProperty("retrieval").GetProperty("i2t_r5").GetDouble()));
        Assert.That(sweep[4].GetProperty("t2i_r5").GetDouble(), Is.EqualTo(runs[1].GetProperty("metrics").GetProperty("retrieval").GetProperty("t2i_r5").GetDouble()));
        Assert.That(sweep.Skip(1).Take(3).Select(p => p.GetProperty("i2t_r5").GetDouble()), Has.All.InRange(0.0, 1.0));
        Assert.That(File.ReadLines(Path.Combine(dir, "alpha-sweep.csv")).Count(), Is.EqualTo(1 + 5));
        Assert.That(File.Exists(Path.Combine(dir, "alpha-sweep.png")), Is.True);
        string markdown = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.That(markdown, Does.Contain("## Weight averaging between the arms").And.Contain("## Which tower holds binding"));
        Assert.That(markdown, Does.Contain("hardneg experiment --quick --out").And.Contain("Seeds: training 42"));
        Assert.That(markdown, Does.Contain("| text_ranking_binding | location |").And.Contain("Headline (negatives - plain"));
        Assert.That(markdown, Does.Contain("Preset: A smoke test"), "the quick report says its numbers do not measure the effect");
        Assert.That(result.Stdout, Does.Contain("--quick is a smoke test"));
        Assert.That(File.Exists(Path.Combine(dir, "training-loss.png")), Is.True, "ScottPlot renders headless here");
        Assert.That(File.Exists(Path.Combine(dir, "concepts-image_pair_binding.png")), Is.True);
        Assert.That(File.Exists(Path.Combine(dir, "differences.png")), Is.True);
        Assert.That(File.ReadLines(Path.Combine(dir, "training-loss.csv")).Count(), Is.EqualTo(1 + (2 * 20)));

        // Each run folder records its preset and overrides, so eval rebuilds the tiny model from the folder alone.
        Hardneg.Result evaluated = Hardneg.RunIn(Hardneg.RepositoryRoot, "eval", "--checkpoint", Path.Combine(dir, "seed-42", "negatives"));
        Assert.That(evaluated.ExitCode, Is.Zero, evaluated.Stderr);
    }

    [Test]
    public void Seeds_and_arms_run_every_arm_per_seed_and_report_mean_and_sd_of_each_difference()
    {
        string dir = Hardneg.TempDirectory();

        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot,
            ["experiment", "--quick", "--out", dir, "--seeds", "3,4", "--arms", "plain,negatives,twins", .. TinyTraining.Overrides(4)]);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "report.json")));
        JsonElement root = report.RootElement;
        Assert.That(root.GetProperty("runs").EnumerateArray().Select(r => $"{r.GetProperty("seed").GetInt32()} {r.GetProperty("arm").GetString()}"),
            Is.EqualTo(new[] { "3 plain", "3 negatives", "3 twins", "4 plain", "4 negatives", "4 twins" }));
        JsonElement[] headlines = [.. root.GetProperty("headline").EnumerateArray()];
        Assert.That(headlines.Select(h => h.GetProperty("arm").GetString()), Is.EqualTo(new[] { "negatives", "twins" }));
        foreach (JsonElement h in headlines)
        {
            double a = h.GetProperty("per_seed_points").GetProperty("3").GetDouble(), b = h.GetProperty("per_seed_points").GetProperty("4").GetDouble();
            Assert.That(h.GetProperty("mean_points").GetDouble(), Is.EqualTo((a + b) / 2).Within(0.01));
            Assert.That(h.GetProperty("sd_points").GetDouble(), Is.EqualTo(Math.Abs(a - b) / Math.Sqrt(2)).Within(0.01));
        }
        Assert.That(TinyTraining.ReadMetrics(Path.Combine(dir, "seed-4", "twins", "metrics.jsonl")), Has.Count.EqualTo(4));
        Assert.That(File.ReadAllText(Path.Combine(dir, "report.md")), Does.Contain("twins - plain").And.Contain("held_out"));
    }

    [TestCase("--seeds", "42,x", "'x' is not a whole number")]
    [TestCase("--arms", "plain,pairs", "unknown arm 'pairs'")]
    public void A_bad_seed_or_arm_list_is_a_usage_error_naming_it(string option, string value, string message)
    {
        string dir = Hardneg.TempDirectory();

        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot, ["experiment", "--quick", "--out", dir, option, value]);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr, Does.Contain(message));
    }

    [Test]
    public void Pretraining_is_shared_by_both_runs_which_start_from_its_weights()
    {
        string dir = Hardneg.TempDirectory();

        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot,
            ["experiment", "--quick", "--out", dir, "--pretrain-steps", "30", .. TinyTraining.Overrides(5)]);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        List<(int Step, double Loss)> pretrain = TinyTraining.ReadMetrics(Path.Combine(dir, "seed-42", "pretrain", "metrics.jsonl"));
        Assert.That(pretrain, Has.Count.EqualTo(30));
        Assert.That(TinyTraining.ReadMetrics(Path.Combine(dir, "seed-42", "negatives", "metrics.jsonl")), Has.Count.EqualTo(5));
        // Both runs load the weights the same way; plain's loss is comparable with pre-training's (no extra columns).
        List<(int Step, double Loss)> plain = TinyTraining.ReadMetrics(Path.Combine(dir, "seed-42", "plain", "metrics.jsonl"));
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
        Assert.That(TinyTraining.ReadMetrics(Path.Combine(dir, "seed-42", "pretrain", "metrics.jsonl")), Has.Count.EqualTo(7));
        Assert.That(TinyTraining.ReadMetrics(Path.Combine(dir, "seed-42", "plain", "metrics.jsonl")), Has.Count.EqualTo(3));
        Assert.That(File.ReadAllText(Path.Combine(dir, "report.md")),
            Does.Contain("7 steps of plain pre-training per seed shared by the arms, then 3 steps").And.Contain("ranking weight 1"));
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
