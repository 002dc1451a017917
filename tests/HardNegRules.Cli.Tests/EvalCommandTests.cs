using System.Text.Json;

namespace HardNegRules.Cli.Tests;

public class EvalCommandTests
{
    [Test]
    public void Eval_reads_the_runs_preset_and_writes_the_metrics_as_json_and_a_table()
    {
        string dir = Hardneg.TempDirectory();
        Hardneg.Result trained = Hardneg.RunIn(Hardneg.RepositoryRoot, TinyTraining.Args("train", "--out", dir));
        Assert.That(trained.ExitCode, Is.Zero, trained.Stderr);
        string output = Path.Combine(dir, "metrics.json");

        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot, "eval", "--checkpoint", Path.Combine(dir, "checkpoint.bin"), "--out", output);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Does.Contain("image_pair_binding").And.Contain("t2i_r5"));
        using JsonDocument metrics = JsonDocument.Parse(File.ReadAllText(output));
        foreach (string key in new[] { "image_pair", "image_pair_binding", "text_ranking", "text_ranking_binding" })
        {
            Assert.That(metrics.RootElement.GetProperty(key).GetProperty("mean").GetDouble(), Is.InRange(0.0, 1.0), key);
        }
        Assert.That(metrics.RootElement.GetProperty("retrieval").GetProperty("i2t_r1").GetDouble(), Is.InRange(0.0, 1.0));
    }

    [Test]
    public void Eval_with_a_preset_of_another_architecture_says_so()
    {
        string dir = Hardneg.TempDirectory();
        Hardneg.Result trained = Hardneg.RunIn(Hardneg.RepositoryRoot, TinyTraining.Args("train", "--out", dir, "--steps", "2"));
        Assert.That(trained.ExitCode, Is.Zero, trained.Stderr);

        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot, "eval", "--checkpoint", dir, "--preset", "concept-world-quick");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("pass the preset it was trained with"));
    }
}
