using System.Text.Json;

namespace HardNegRules.Cli.Tests;

public class MergeCommandTests
{
    private static string Train(string dir, string seed, params string[] extra)
    {
        Hardneg.Result trained = Hardneg.RunIn(Hardneg.RepositoryRoot,
            [.. TinyTraining.Args("train", "--out", dir, "--seed", seed), "--steps", "3", .. extra]);
        Assert.That(trained.ExitCode, Is.Zero, trained.Stderr);
        return dir;
    }

    private static string Eval(string checkpoint, string output)
    {
        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot, "eval", "--checkpoint", checkpoint, "--out", output);
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        return File.ReadAllText(output);
    }

    [Test]
    public void Merge_writes_a_run_folder_that_eval_reads_and_alpha_zero_reproduces_the_first_model()
    {
        string root = Hardneg.TempDirectory();
        string a = Train(Path.Combine(root, "a"), "1");
        string b = Train(Path.Combine(root, "b"), "2");
        string half = Path.Combine(root, "half");
        string zero = Path.Combine(root, "zero");

        Hardneg.Result merged = Hardneg.RunIn(Hardneg.RepositoryRoot, "merge", "--from", a, "--to", b, "--alpha", "0.5", "--out", half);
        Hardneg.Result atZero = Hardneg.RunIn(Hardneg.RepositoryRoot, "merge", "--from", a, "--to", b, "--alpha", "0", "--out", zero);

        Assert.That(merged.ExitCode, Is.Zero, merged.Stderr);
        Assert.That(atZero.ExitCode, Is.Zero, atZero.Stderr);
        Assert.That(merged.Stdout, Does.Contain("alpha 0.5"));
        using (JsonDocument record = JsonDocument.Parse(File.ReadAllText(Path.Combine(half, "merge.json"))))
        {
            Assert.That(record.RootElement.GetProperty("Alpha").GetDouble(), Is.EqualTo(0.5));
            Assert.That(record.RootElement.GetProperty("TensorCount").GetInt32(), Is.GreaterThan(0));
        }
        string metricsA = Eval(a, Path.Combine(root, "a.json"));
        string metricsB = Eval(b, Path.Combine(root, "b.json"));
        string metricsZero = Eval(zero, Path.Combine(root, "zero.json"));
        string metricsHalf = Eval(half, Path.Combine(root, "half.json"));
        Assert.Multiple(() =>
        {
            Assert.That(metricsZero, Is.EqualTo(metricsA), "alpha 0 must evaluate exactly like --from");
            Assert.That(metricsA, Is.Not.EqualTo(metricsB), "the two runs must differ, or the comparison shows nothing");
            Assert.That(metricsHalf, Does.Contain("image_pair_binding"));
        });
    }

    [TestCase("1.5")]
    [TestCase("2")]
    public void An_alpha_outside_zero_to_one_is_a_usage_error(string alpha)
    {
        string root = Hardneg.TempDirectory();

        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot, "merge", "--from", root, "--to", root, "--alpha", alpha, "--out", Path.Combine(root, "m"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("--alpha must be a number from 0"));
    }

    [Test]
    public void Checkpoints_of_different_architectures_are_refused_in_one_line()
    {
        string root = Hardneg.TempDirectory();
        string a = Train(Path.Combine(root, "a"), "1");
        string b = Train(Path.Combine(root, "b"), "1", "--set", "model.embed-dim=8");

        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot, "merge", "--from", a, "--to", b, "--out", Path.Combine(root, "m"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("only checkpoints of one architecture can be merged"));
        Assert.That(result.Stderr, Does.Not.Contain("   at "));
        Assert.That(Directory.Exists(Path.Combine(root, "m")), Is.False);
    }

    [Test]
    public void A_missing_checkpoint_is_named()
    {
        string root = Hardneg.TempDirectory();

        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot, "merge", "--from", Path.Combine(root, "nothing"), "--to", root, "--out", Path.Combine(root, "m"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("--from: checkpoint").And.Contain("does not exist"));
    }
}
