namespace HardNegRules.Cli.Tests;

public class RulesCommandTests
{
    [Test]
    public void Check_passes_on_the_repository_rules()
    {
        Hardneg.Result result = Hardneg.Run("rules", "check", Path.Combine(Hardneg.RepositoryRoot, "rules"));
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Does.Contain("OK").And.Contain("default"));
    }

    [Test]
    public void Check_reports_the_build_diagnostics_with_exit_code_1()
    {
        string dir = Hardneg.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "location.yaml"), "concept: location\npolicy: opposite\nterms: [left, right]\nopposites: [[left, rigth]]\n");

        Hardneg.Result result = Hardneg.RunIn(dir, "rules", "check", ".");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain("location.yaml(4,20): error HNR007: 'rigth' in 'opposites' is not a term of concept 'location'"));
    }

    [Test]
    public void Explain_shows_matches_and_why_candidates_are_skipped()
    {
        Hardneg.Result result = Hardneg.Run("rules", "explain", "A black and white photo of a red bus.");
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Does.Contain("black and white").And.Contain("blocked phrase"));
        Assert.That(result.Stdout, Does.Contain("red").And.Contain("used"));
    }

    [Test]
    public void Explain_takes_several_captions_as_permute_does_and_refuses_undecodable_ones()
    {
        Hardneg.Result result = Hardneg.Run("rules", "explain", "a red car", "a small dog on the left");
        Hardneg.Result bad = Hardneg.Run("rules", "explain", "a red car", "a \uFFFD dog");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Does.Contain("a red car  (pack default)").And.Contain("a small dog on the left  (pack default)"));
        Assert.That(result.Stdout.IndexOf("red", StringComparison.Ordinal), Is.LessThan(result.Stdout.IndexOf("small dog", StringComparison.Ordinal)));
        Assert.That(bad.ExitCode, Is.EqualTo(2), bad.Stderr);
        Assert.That(bad.Stderr, Does.Contain("caption 2 is not valid UTF-8 text"));
    }

    [Test]
    public void Report_measures_coverage_and_defects_on_a_captions_file()
    {
        string dir = Hardneg.TempDirectory();
        string output = Path.Combine(dir, "report.md");
        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot, "rules", "report",
            "--input", Path.Combine("tests", "data", "coco", "captions_val2017_sample.jsonl"), "--output", output, "--seed", "3");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        string report = File.ReadAllText(output);
        Assert.That(report, Is.EqualTo(result.Stdout));
        Assert.That(report, Does.Contain("color").And.Contain("object").And.Contain("size").And.Contain("location"));
    }
}
