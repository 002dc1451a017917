using System.Collections.Immutable;
using System.Text;
using HardNegRules.Rules.Compilation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HardNegRules.Generators;

/// <summary>
/// Compiles rule packs into permuters: one readable C# class per pack, plus a registry of them. Every mistake in a rule
/// file becomes a build diagnostic at its file, line and column.
/// </summary>
/// <remarks>
/// A project says which AdditionalFiles are rules by item metadata, and whether it hosts the registry by a property:
/// <code>
/// &lt;AdditionalFiles Include="rules/**/*.yaml" Exclude="rules/presets/**" HardNegRulesPack="true" HardNegRulesFolder="%(RecursiveDir)" /&gt;
/// &lt;CompilerVisibleItemMetadata Include="AdditionalFiles" MetadataName="HardNegRulesPack" /&gt;
/// &lt;CompilerVisibleItemMetadata Include="AdditionalFiles" MetadataName="HardNegRulesFolder" /&gt;
/// &lt;CompilerVisibleProperty Include="HardNegRulesRegistry" /&gt;
/// </code>
/// <c>HardNegRulesPack</c> is "true" (the pack follows the folder: files at the top are the "default" pack, files in a
/// subfolder the pack of that name) or a pack's name. The build files in the generator's folder set this up.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class RulePackGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name of the step that reads rule files.</summary>
    public const string RuleFilesStep = "RuleFiles";

    /// <summary>Tracking name of the step that compiles packs into outputs.</summary>
    public const string OutputsStep = "Outputs";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<RuleFileText> files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (input, _) => (Text: input.Left, Pack: PackOf(input.Left, input.Right.GetOptions(input.Left))))
            .Where(static input => input.Pack is not null)
            .Select(static (input, cancellationToken) => Read(input.Text, input.Pack!, cancellationToken))
            .WithTrackingName(RuleFilesStep);

        IncrementalValueProvider<bool> hostsRegistry = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue(RegistryProperty, out string? value) &&
                string.Equals(value, "true", StringComparison.OrdinalIgnoreCase));

        IncrementalValuesProvider<GeneratorOutput> outputs = files.Collect()
            .Combine(hostsRegistry)
            .SelectMany(static (input, cancellationToken) => Generate(input.Left, input.Right, cancellationToken))
            .WithTrackingName(OutputsStep);

        context.RegisterSourceOutput(outputs, static (spc, output) =>
        {
            if (output.Diagnostic is { } diagnostic)
            {
                spc.ReportDiagnostic(ToDiagnostic(diagnostic));
            }

            if (output.HintName is { } hintName && output.Source is { } source)
            {
                spc.AddSource(hintName, SourceText.From(source, Encoding.UTF8));
            }
        });
    }

    /// <summary>The build property that makes a project host the registry of its packs.</summary>
    public const string RegistryProperty = "build_property.HardNegRulesRegistry";

    /// <summary>The item metadata that marks an AdditionalFile as a rule file ("true" or a pack's name).</summary>
    public const string PackMetadata = "build_metadata.AdditionalFiles.HardNegRulesPack";

    /// <summary>The item metadata with the file's folder below the rules folder (MSBuild's %(RecursiveDir)).</summary>
    public const string FolderMetadata = "build_metadata.AdditionalFiles.HardNegRulesFolder";

    // The pack of a rule file, or null for an AdditionalFile that is not one.
    private static string? PackOf(AdditionalText text, AnalyzerConfigOptions options)
    {
        if (!options.TryGetValue(PackMetadata, out string? pack) || string.IsNullOrWhiteSpace(pack) ||
            string.Equals(pack, "false", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!string.Equals(pack, "true", StringComparison.OrdinalIgnoreCase))
        {
            return pack.Trim();
        }

        options.TryGetValue(FolderMetadata, out string? folder);
        string name = text.Path.Replace('\\', '/');
        return RulePaths.PackOf((folder ?? string.Empty).Replace('\\', '/') + name.Substring(name.LastIndexOf('/') + 1));
    }

    private static RuleFileText Read(AdditionalText text, string pack, CancellationToken cancellationToken) =>
        new(text.Path, pack, text.GetText(cancellationToken)?.ToString() ?? string.Empty);

    private static ImmutableArray<GeneratorOutput> Generate(ImmutableArray<RuleFileText> files, bool hostsRegistry, CancellationToken cancellationToken)
    {
        var outputs = ImmutableArray.CreateBuilder<GeneratorOutput>();
        try
        {
            RuleCompilation compilation = RuleCompiler.Compile(files.Select(f => new RuleSource(f.Path, f.Pack, f.Text)));
            foreach (var diagnostic in compilation.Diagnostics)
            {
                outputs.Add(new GeneratorOutput(null, null, DiagnosticInfo.From(diagnostic)));
            }

            var sources = files.GroupBy(f => f.Pack).ToDictionary(g => g.Key, g => g.Select(f => RulePaths.Display(f.Path)).OrderBy(p => p, StringComparer.Ordinal).ToList());
            foreach (CompiledPack pack in compilation.Packs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string className = PermuterEmitter.ClassName(pack.Name);
                outputs.Add(new GeneratorOutput($"{className}.g.cs", PermuterEmitter.Emit(pack, sources[pack.Name]), null));
            }

            if (hostsRegistry)
            {
                outputs.Add(new GeneratorOutput("GeneratedPermuters.g.cs", PermuterEmitter.EmitRegistry(compilation.Packs.Select(p => p.Name).ToList()), null));
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // A generator that throws fails the build with CS8785 and hides the cause; report it instead.
        catch (Exception e)
#pragma warning restore CA1031
        {
            string path = files.Length > 0 ? files[0].Path : "rules";
            outputs.Add(new GeneratorOutput(null, null, new DiagnosticInfo("HNR000", true,
                $"Internal error of the rule generator (please report it with the rule files): {e.GetType().Name}: {e.Message}", path, 0, 0, 1, 1, 1, 1)));
        }

        return outputs.ToImmutable();
    }

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        DiagnosticDescriptor descriptor = RuleDiagnosticDescriptors.For(info.Id);
        var lines = new LinePositionSpan(new LinePosition(info.Line - 1, info.Column - 1), new LinePosition(info.EndLine - 1, info.EndColumn - 1));
        Location location = Location.Create(info.Path, new TextSpan(info.Offset, info.Length), lines);
        return Diagnostic.Create(descriptor, location, info.Message);
    }
}
