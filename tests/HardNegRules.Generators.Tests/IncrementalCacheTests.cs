using Microsoft.CodeAnalysis;

namespace HardNegRules.Generators.Tests;

public class IncrementalCacheTests
{
    private static readonly YamlFile Color = new("/repo/rules/color.yaml", "concept: color\nterms: [red, blue, green]");
    private static readonly YamlFile Shape = new("/repo/rules/shapes/shape.yaml", "concept: shape\nterms: [circle, square]");

    [Test]
    public void Second_run_with_unchanged_rules_is_served_from_cache()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(Color, Shape);
        Compilation compilation = GeneratorHarness.Compilation();
        driver = driver.RunGenerators(compilation);

        // A change to C# code, not to rules, must not redo the rules' work.
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class Unrelated {}")));
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        var reasons = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.That(reasons, Is.Not.Empty);
        Assert.That(reasons, Is.All.EqualTo(IncrementalStepRunReason.Cached));
        Assert.That(result.TrackedSteps[RulePackGenerator.RuleFilesStep].SelectMany(s => s.Outputs).Select(o => o.Reason),
            Is.All.EqualTo(IncrementalStepRunReason.Cached));
    }

    [Test]
    public void Editing_one_pack_regenerates_only_that_pack()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(Color, Shape);
        Compilation compilation = GeneratorHarness.Compilation();
        driver = driver.RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(Shape, new YamlFile(Shape.Path, "concept: shape\nterms: [circle, square, star]"));
        driver = driver.RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        var outputs = result.TrackedSteps[RulePackGenerator.OutputsStep].SelectMany(s => s.Outputs).ToList();
        var changed = outputs.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((dynamic)o.Value).HintName as string).ToList();
        var unchanged = outputs.Where(o => o.Reason == IncrementalStepRunReason.Unchanged).Select(o => ((dynamic)o.Value).HintName as string).ToList();
        Assert.That(changed, Is.EqualTo(new[] { "ShapesPermuter.g.cs" }));
        Assert.That(unchanged, Is.EqualTo(new[] { "DefaultPermuter.g.cs" }));
        Assert.That(result.GeneratedSources.Single(s => s.HintName == "ShapesPermuter.g.cs").SourceText.ToString(), Does.Contain("\"star\""));
    }
}
