namespace HardNegRules.Cli.Tests;

/// <summary>
/// The built-in rule packs and presets are part of the program: commands that read their YAML work from a working
/// directory outside the repository, with no rules/ folder in sight.
/// </summary>
public class OutsideRepositoryTests
{
    private static string Sample => Path.Combine(Hardneg.RepositoryRoot, "tests", "data", "coco", "captions_val2017_sample.jsonl");

    [Test]
    public void Rules_report_reads_the_built_in_pack_and_matches_the_report_of_the_rules_folder()
    {
        string dir = OutsideTheRepository();

        Hardneg.Result builtIn = Hardneg.RunIn(dir, "rules", "report", "--input", Sample, "--output", "report.md", "--seed", "3");
        Hardneg.Result fromFolder = Hardneg.RunIn(dir, "rules", "report", "--input", Sample, "--seed", "3",
            "--rules", Path.Combine(Hardneg.RepositoryRoot, "rules"));

        Assert.That(builtIn.ExitCode, Is.Zero, builtIn.Stderr);
        Assert.That(fromFolder.ExitCode, Is.Zero, fromFolder.Stderr);
        Assert.That(File.ReadAllText(Path.Combine(dir, "report.md")), Is.EqualTo(builtIn.Stdout));
        Assert.That(builtIn.Stdout, Does.Contain("color").And.Contain("object").And.Contain("location"));
        Assert.That(builtIn.Stdout, Is.EqualTo(fromFolder.Stdout));
    }

    [Test]
    public void Rules_report_of_a_pack_that_reuses_default_concepts()
    {
        string dir = OutsideTheRepository();
        File.WriteAllLines(Path.Combine(dir, "captions.txt"),
            ["is solid black with no sleeves", "a black lace wrap dress", "is navy and has a v-neck", "is floral and longer"]);

        Hardneg.Result result = Hardneg.RunIn(dir, "rules", "report", "--pack", "fashion200k", "--input", "captions.txt");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Does.Contain("fashion-color").And.Contain("sleeve").And.Contain("size"));
    }

    [Test]
    public void Train_and_eval_find_a_built_in_preset_by_name()
    {
        string dir = OutsideTheRepository();

        Hardneg.Result trained = Hardneg.RunIn(dir, ["train", "--preset", "concept-world-quick", "--out", "run", .. TinyTraining.Overrides(3)]);
        Hardneg.Result evaluated = Hardneg.RunIn(dir, "eval", "--checkpoint", "run");

        Assert.That(trained.ExitCode, Is.Zero, trained.Stderr);
        Assert.That(trained.Stdout, Does.Contain("step 3/3"));
        Assert.That(File.ReadAllText(Path.Combine(dir, "run", "run.json")), Does.Contain("concept-world-quick"));
        Assert.That(evaluated.ExitCode, Is.Zero, evaluated.Stderr);
        Assert.That(evaluated.Stdout, Does.Contain("image_pair"));
    }

    private static string OutsideTheRepository()
    {
        string dir = Hardneg.TempDirectory();
        Assert.That(Path.GetRelativePath(Hardneg.RepositoryRoot, dir), Does.StartWith(".."), "the temporary folder lies inside the repository");
        return dir;
    }
}
