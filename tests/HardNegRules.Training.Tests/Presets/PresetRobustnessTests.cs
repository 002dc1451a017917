using System.Text;
using HardNegRules.Training.Presets;

namespace HardNegRules.Training.Tests.Presets;

/// <summary>Hostile and broken preset files end in a located <see cref="PresetException"/>, never a crash.</summary>
public class PresetRobustnessTests
{
    [TestCase(100_000)]
    [TestCase(PresetLoader.MaxDepth + 1)]
    public void Deeply_nested_flow_lists_are_refused_with_the_place_where_the_limit_is_passed(int depth)
    {
        string yaml = "rules:\n  concepts: " + new string('[', depth) + new string(']', depth) + "\n";

        var error = Assert.Throws<PresetException>(() => PresetLoader.Parse(yaml, "deep.yaml"));

        Assert.That(error!.Message, Does.StartWith("deep.yaml(2,").And.Contain($"nested more than {PresetLoader.MaxDepth} levels"));
    }

    [Test]
    public void Deeply_nested_block_mappings_are_refused_too()
    {
        var yaml = new StringBuilder();
        for (int level = 0; level < 1000; level++)
        {
            yaml.Append(' ', level).Append('k').Append(level).Append(":\n");
        }

        var error = Assert.Throws<PresetException>(() => PresetLoader.Parse(yaml.ToString(), "deep.yaml"));

        Assert.That(error!.Message, Does.Contain("nested more than"));
        Assert.That(error.Line, Is.EqualTo(PresetLoader.MaxDepth + 1));
    }

    [Test]
    public void A_nesting_within_the_limit_still_reaches_the_key_checks()
    {
        string yaml = "rules:\n  weight: { location: [[[1]]] }\n";

        var error = Assert.Throws<PresetException>(() => PresetLoader.Parse(yaml, "p.yaml"));

        Assert.That(error!.Message, Does.StartWith("p.yaml(2,").And.Contain("rules.weight.location"));
    }

    [Test]
    public void A_tab_used_as_indentation_is_reported_on_its_own_line()
    {
        var error = Assert.Throws<PresetException>(() => PresetLoader.Parse("schedule:\n\tsteps: 3\n", "tab.yaml"));

        Assert.That(error!.Line, Is.EqualTo(2), error.Message);
        Assert.That(error.Message, Does.Contain("tab").And.Contain("spaces"));
    }

    [TestCase("schedule:\n  steps: [1, 2\n")]
    [TestCase("schedule: {steps: 3\n")]
    [TestCase("description: \"no end\n")]
    [TestCase("schedule:\n  steps: 3\n   lr: 0.1\n")]
    [TestCase("rules: *missing\n")]
    public void Malformed_yaml_names_a_line_and_never_the_parser_state(string yaml)
    {
        var error = Assert.Throws<PresetException>(() => PresetLoader.Parse(yaml, "bad.yaml"));

        Assert.That(error!.Line, Is.GreaterThan(0), error.Message);
        Assert.That(error.Message, Does.StartWith("bad.yaml(").And.Not.Contain("current state of the object"));
    }

    [Test]
    public void A_duplicate_key_is_reported_at_its_second_place()
    {
        var error = Assert.Throws<PresetException>(() => PresetLoader.Parse("schedule:\n  steps: 3\n  steps: 4\n", "dup.yaml"));

        Assert.That(error!.Message, Does.StartWith("dup.yaml(3,3): duplicate key 'steps' (first at line 2)"));
    }

    [Test]
    public void A_second_document_is_refused()
    {
        var error = Assert.Throws<PresetException>(() => PresetLoader.Parse("schedule:\n  steps: 3\n---\nschedule:\n  steps: 4\n", "two.yaml"));

        Assert.That(error!.Message, Does.StartWith("two.yaml(3,").And.Contain("one document"));
    }

    [TestCase("")]
    [TestCase("   \n\n")]
    [TestCase("# only a comment\n")]
    public void An_empty_preset_file_is_refused(string text)
    {
        using var dir = new TempDirectory();
        string path = dir.File("empty.yaml");
        File.WriteAllText(path, text);

        var error = Assert.Throws<PresetException>(() => PresetLoader.LoadFile(path));

        Assert.That(error!.Message, Does.StartWith(path).And.Contain("empty"));
    }

    [Test]
    public void A_file_larger_than_the_limit_is_refused_before_it_is_parsed()
    {
        using var dir = new TempDirectory();
        string path = dir.File("huge.yaml");
        using (FileStream file = File.Create(path))
        {
            file.SetLength(PresetLoader.MaxFileBytes + 1);
        }

        var error = Assert.Throws<PresetException>(() => PresetLoader.LoadFile(path));

        Assert.That(error!.Message, Does.StartWith(path).And.Contain("at most"));
    }

    [Test]
    public void Aliases_are_not_expanded_into_a_bomb()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 20; i++)
        {
            yaml.Append('a').Append(i).Append(": &a").Append(i).Append(" [");
            yaml.AppendJoin(", ", Enumerable.Repeat($"*a{i - 1}", 10)).Append("]\n");
        }

        var error = Assert.Throws<PresetException>(() => PresetLoader.Parse(yaml.ToString(), "bomb.yaml"));

        Assert.That(error!.Message, Does.StartWith("bomb.yaml(1,1): unknown key 'a0'"));
    }
}
