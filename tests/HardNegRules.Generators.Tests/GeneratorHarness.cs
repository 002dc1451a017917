using System.Collections.Immutable;
using HardNegRules.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
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

    public static GeneratorDriver CreateDriver(params AdditionalText[] files) => CreateDriver(registry: false, files);

    /// <summary>A driver over the files, as a project that lists /repo/rules/**/*.yaml (without presets) as rule files.</summary>
    public static GeneratorDriver CreateDriver(bool registry, params AdditionalText[] files) =>
        CSharpGeneratorDriver.Create(
            [new RulePackGenerator().AsSourceGenerator()],
            additionalTexts: files,
            optionsProvider: new RulesFolderOptions("/repo/rules/", registry),
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

/// <summary>
/// The item metadata MSBuild gives the generator for <c>&lt;AdditionalFiles Include="rules/**/*.yaml"
/// Exclude="rules/presets/**" HardNegRulesPack="true" HardNegRulesFolder="%(RecursiveDir)" /&gt;</c>, and the registry
/// property.
/// </summary>
internal sealed class RulesFolderOptions(string rulesFolder, bool registry) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(registry ? new() { [RulePackGenerator.RegistryProperty] = "true" } : []);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
    {
        string path = textFile.Path.Replace('\\', '/');
        if (!path.StartsWith(rulesFolder, StringComparison.Ordinal) || path.StartsWith(rulesFolder + "presets/", StringComparison.Ordinal) ||
            !(path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal)))
        {
            return new Options([]);
        }

        string relative = path[rulesFolder.Length..];
        string folder = relative.Contains('/') ? relative[..(relative.LastIndexOf('/') + 1)] : string.Empty;
        return new Options(new() { [RulePackGenerator.PackMetadata] = "true", [RulePackGenerator.FolderMetadata] = folder });
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
