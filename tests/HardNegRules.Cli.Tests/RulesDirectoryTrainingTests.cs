namespace HardNegRules.Cli.Tests;

/// <summary><c>--rules DIR</c> in train, eval and experiment: the preset's pack is read from DIR at run time.</summary>
public class RulesDirectoryTrainingTests
{
    [Test]
    public void Train_reads_the_pack_from_the_rules_folder_and_eval_uses_it_again()
    {
        string root = Hardneg.TempDirectory();
        string rules = CopyRules(Path.Combine(root, "rules"));
        string run = Path.Combine(root, "run");

        Hardneg.Result trained = Hardneg.Run([.. TinyTraining.Args("train", "--out", run, "--rules", rules), "--steps", "2"]);

        Assert.That(trained.ExitCode, Is.Zero, trained.Stderr);
        Assert.That(File.ReadAllText(Path.Combine(run, "run.json")), Does.Contain("rules.directory=" + rules.Replace("\\", "\\\\", StringComparison.Ordinal)));
        Hardneg.Result evaluated = Hardneg.Run("eval", "--checkpoint", run);
        Assert.That(evaluated.ExitCode, Is.Zero, evaluated.Stderr);
    }

    [Test]
    public void A_mistake_in_the_rules_folder_stops_train_eval_and_experiment_with_its_place()
    {
        string root = Hardneg.TempDirectory();
        string rules = CopyRules(Path.Combine(root, "rules"));
        // The concept-world pack reuses the default pack's colors: a mistake there is a mistake of the pack.
        string color = Path.Combine(rules, "color.yaml");
        File.AppendAllText(color, "\nnot-a-key: 1\n");

        foreach (string command in new[] { "train", "experiment" })
        {
            Hardneg.Result result = Hardneg.Run([.. TinyTraining.Args(command, "--out", Path.Combine(root, command), "--rules", rules), "--steps", "1"]);
            Assert.That(result.ExitCode, Is.EqualTo(1), command + ": " + result.Stderr);
            Assert.That(result.Stderr, Does.Contain("color.yaml").And.Contain("HNR002"), command);
            Assert.That(result.Stderr, Does.Not.Contain("   at "), command);
        }
    }

    private static string CopyRules(string target)
    {
        string source = Path.Combine(Hardneg.RepositoryRoot, "rules");
        foreach (string file in Directory.EnumerateFiles(source, "*.yaml", SearchOption.AllDirectories))
        {
            string to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }
}
