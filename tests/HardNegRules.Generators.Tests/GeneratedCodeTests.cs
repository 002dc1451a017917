using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HardNegRules.Generators.Tests;

public class GeneratedCodeTests
{
    private const string Colors = """
        concept: color
        terms:
          - red
          - blue
          - light blue
          - gray: { variants: [grey] }
        blocked:
          - red light
        """;

    [Test]
    public void Emits_a_permuter_per_pack_that_compiles()
    {
        var (_, result, output) = GeneratorHarness.Run(
            ("/repo/rules/color.yaml", Colors),
            ("/repo/rules/shapes/pack.yaml", "pack: shapes\nuses: [color]"),
            ("/repo/rules/shapes/shape.yaml", "concept: shape\nterms: [circle, square]"));

        Assert.That(result.Exception, Is.Null);
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.GeneratedSources.Select(s => s.HintName), Is.EquivalentTo(new[] { "DefaultPermuter.g.cs", "ShapesPermuter.g.cs" }));
        Assert.That(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty,
            "the generated code compiles against the runtime");
    }

    [Test]
    public void Generated_matcher_is_readable_code_over_characters_with_the_rule_named_at_each_branch()
    {
        var (_, result, _) = GeneratorHarness.Run(("/repo/rules/color.yaml", Colors));
        string code = result.GeneratedSources.Single().SourceText.ToString();

        Assert.Multiple(() =>
        {
            Assert.That(code, Does.Contain("internal sealed class DefaultPermuter : global::HardNegRules.Permutation.RulePermuter"));
            Assert.That(code, Does.Contain("private const string TrieText = \"\"\""));
            Assert.That(code, Does.Contain("private const string TablesText = \"\"\""));
            Assert.That(code, Does.Contain("node 0 entry=-1 next=[\"b\":1,\"g\":"), "the root's children: b, g, l, r");
            Assert.That(code, Does.Contain("# \"light blue\": color/light blue (rules/color.yaml:5)"));
            Assert.That(code, Does.Contain("# \"grey\": color/gray (rules/color.yaml:6)"));
            Assert.That(code, Does.Contain("# \"red light\": blocked phrase of color (rules/color.yaml:8)"));
            Assert.That(code, Does.Contain("term 0 concept=0 name=\"red\" weight=1 forms=[\"red\",-,-,-]"));
            Assert.That(code, Does.Not.Contain("Regex"));
            Assert.That(code, Does.Not.Contain("System.Linq"));
        });
    }

    [Test]
    public void A_project_with_the_registry_property_also_gets_the_registry_of_packs()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(registry: true, new YamlFile("/repo/rules/color.yaml", Colors));
        driver = driver.RunGenerators(GeneratorHarness.Compilation());
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        string registry = result.GeneratedSources.Single(s => s.HintName == "GeneratedPermuters.g.cs").SourceText.ToString();
        Assert.That(registry, Does.Contain("\"default\" => DefaultPermuter.Instance,"));
    }

    [Test]
    public void Without_the_registry_property_there_is_no_registry()
    {
        var (_, result, _) = GeneratorHarness.Run(("/repo/rules/color.yaml", Colors));
        Assert.That(result.GeneratedSources.Select(s => s.HintName), Is.EqualTo(new[] { "DefaultPermuter.g.cs" }));
    }

    [Test]
    public void Only_files_marked_by_item_metadata_are_rules_whatever_their_path()
    {
        // A file in a folder named rules but without the metadata is not a rule file.
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new RulePackGenerator().AsSourceGenerator()],
            additionalTexts: [new YamlFile("/repo/rules/color.yaml", Colors)],
            driverOptions: default);
        driver = driver.RunGenerators(GeneratorHarness.Compilation());
        Assert.That(driver.GetRunResult().Results.Single().GeneratedSources, Is.Empty);
    }

    [Test]
    public void Presets_and_files_outside_a_rules_folder_are_not_rules()
    {
        var (_, result, _) = GeneratorHarness.Run(
            ("/repo/rules/presets/coco.yaml", "data: coco"),
            ("/repo/config/other.yaml", "not: rules"));

        Assert.That(result.GeneratedSources, Is.Empty);
        Assert.That(result.Diagnostics, Is.Empty);
    }
}
