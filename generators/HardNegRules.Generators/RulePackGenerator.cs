using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using HardNegRules.Rules.Compilation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HardNegRules.Generators;

/// <summary>
/// Compiles the rule packs in <c>rules/**/*.yaml</c> (given as AdditionalFiles) into permuters: one readable C# class per
/// pack, plus a registry of them. Every mistake in a rule file becomes a build diagnostic at its file, line and column.
/// </summary>
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
            .Where(static text => IsRuleFile(text.Path))
            .Select(static (text, cancellationToken) => Read(text, cancellationToken))
            .WithTrackingName(RuleFilesStep);

        IncrementalValueProvider<bool> hostsRegistry = context.CompilationProvider
            .Select(static (compilation, _) => compilation.AssemblyName == "HardNegRules.Permuters");

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

    private static bool IsRuleFile(string path) =>
        (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)) &&
        RulePaths.RelativeToRulesFolder(path) is { } relative && RulePaths.PackOf(relative) is not null;

    private static RuleFileText Read(AdditionalText text, CancellationToken cancellationToken)
    {
        string pack = RulePaths.PackOf(RulePaths.RelativeToRulesFolder(text.Path)!)!;
        return new RuleFileText(text.Path, pack, text.GetText(cancellationToken)?.ToString() ?? string.Empty);
    }

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
