using System.Collections.Immutable;
using HardNegRules.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace HardNegRules.Generators.Tests;

/// <summary>A YAML file handed to the generator as an AdditionalFile.</summary>
internal sealed class YamlFile(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}

/// <summary>Runs the rule generator over in-memory rule files the way the compiler does.</summary>
internal static class GeneratorHarness
{
    // The generated permuters derive from the runtime's RulePermuter and build the rules library's tables.
    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            // The generator carries its own copy of the rules library; the compiled code sees only the real one.
            .Where(p => !p.EndsWith("HardNegRules.Generators.dll", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p)),
    ];

    public static GeneratorDriver CreateDriver(params AdditionalText[] files) =>
        CSharpGeneratorDriver.Create(
            [new RulePackGenerator().AsSourceGenerator()],
            additionalTexts: files,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static CSharpCompilation Compilation(string assemblyName = "HardNegRules.UserRules") =>
        CSharpCompilation.Create(assemblyName, [], References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static (GeneratorDriver Driver, GeneratorRunResult Result, Compilation Output) Run(params (string Path, string Text)[] files)
    {
        GeneratorDriver driver = CreateDriver([.. files.Select(f => (AdditionalText)new YamlFile(f.Path, f.Text))]);
        driver = driver.RunGeneratorsAndUpdateCompilation(Compilation(), out Compilation output, out _);
        return (driver, driver.GetRunResult().Results.Single(), output);
    }
}
