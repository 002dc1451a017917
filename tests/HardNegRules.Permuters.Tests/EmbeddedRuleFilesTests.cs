namespace HardNegRules.Tests;

/// <summary>The rule files embedded beside the compiled packs are the repository's, so tools that read them judge the same rules.</summary>
public class EmbeddedRuleFilesTests
{
    [Test]
    public void The_embedded_files_are_the_rule_files_of_the_repository()
    {
        var onDisk = RuleSet.ReadFiles(TestRules.RepositoryRules)
            .Select(f => ("rules/" + Path.GetRelativePath(TestRules.RepositoryRules, f.Path).Replace('\\', '/'), f.Pack, f.Text));
        var embedded = Permuters.RuleFiles.Select(f => (f.Path, f.Pack, f.Text));
        Assert.That(embedded, Is.EquivalentTo(onDisk));
    }

    [Test]
    public void Every_compiled_pack_has_its_files_and_presets_are_not_rules()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Permuters.RuleFiles.Select(f => f.Pack).Distinct(), Is.EquivalentTo(Permuters.Packs));
            Assert.That(Permuters.RuleFiles.Select(f => f.Path), Has.None.Contains("presets/"));
            Assert.That(Permuters.RuleFiles.Select(f => f.Path), Does.Contain("rules/color.yaml").And.Contain("rules/fashion200k/pack.yaml"));
        });
    }
}
