using System.Diagnostics;
using HardNegRules.IO;
using HardNegRules.Rules.Diagnostics;

namespace HardNegRules.Tests;

/// <summary>Rules read at run time: an empty folder, a pipe named like a rule file and bad bytes are clear errors.</summary>
public class RuleSetInputTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("hardneg-ruleset-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void A_folder_without_rule_files_is_an_error_not_an_empty_rule_set()
    {
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "not a rule file");
        Assert.That(() => RuleSet.Check(_dir), Throws.TypeOf<FileNotFoundException>().With.Message.Contains("No rule files in"));
        Assert.That(() => RuleSet.Load(_dir), Throws.TypeOf<FileNotFoundException>());
    }

    [Test]
    public void A_fifo_named_like_a_rule_file_is_refused_without_blocking()
    {
        File.WriteAllText(Path.Combine(_dir, "color.yaml"), "concept: color\nterms: [red, blue]\n");
        string fifo = Path.Combine(_dir, "size.yaml");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
        }

        var check = Task.Run(() => RuleSet.Check(_dir));
        bool done = Task.WaitAny([check], TimeSpan.FromSeconds(10)) == 0;
        if (!done)
        {
            using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
        }

        Assert.That(done, Is.True, "blocked on the FIFO");
        Assert.That(check.Exception?.InnerException, Is.TypeOf<NotARegularFileException>().With.Message.Contains("size.yaml"));
    }

    [Test]
    public void Invalid_utf8_in_a_rule_file_is_HNR017_at_its_line()
    {
        File.WriteAllBytes(Path.Combine(_dir, "color.yaml"), [.. "concept: color\nterms:\n  - red\n  - ca"u8, 0xE9, .. "fe\n"u8]);
        RuleSet rules = RuleSet.Check(_dir);
        RuleDiagnostic error = rules.Diagnostics.Single(d => d.Severity == RuleSeverity.Error);
        Assert.That(error.ToString(), Does.EndWith("color.yaml(4,7): error HNR017: " + error.Message));
    }
}
