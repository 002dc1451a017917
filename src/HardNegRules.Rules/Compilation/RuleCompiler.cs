using HardNegRules.Rules.Diagnostics;
using HardNegRules.Rules.Model;
using HardNegRules.Rules.Parsing;

namespace HardNegRules.Rules.Compilation;

/// <summary>The result of compiling rule files: the packs that compiled and every diagnostic.</summary>
/// <param name="Packs">The packs without errors, by name (ordinal order).</param>
/// <param name="Diagnostics">Every diagnostic, errors and warnings, in file order.</param>
public sealed record RuleCompilation(IReadOnlyList<CompiledPack> Packs, IReadOnlyList<RuleDiagnostic> Diagnostics)
{
    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == RuleSeverity.Error);
}

/// <summary>
/// Compiles rule files into packs. The one compiler of the rule language: the source generator and the run-time
/// interpreter both call it, so a rule means the same thing in both.
/// </summary>
public static class RuleCompiler
{
    /// <summary>Parses, checks and compiles rule files, grouped into packs by <see cref="RuleSource.Pack"/>.</summary>
    /// <param name="sources">The rule files.</param>
    /// <returns>The compiled packs and the diagnostics.</returns>
    public static RuleCompilation Compile(IEnumerable<RuleSource> sources)
    {
        var diagnostics = new List<RuleDiagnostic>();
        var files = new List<RuleFile>();
        foreach (RuleSource source in sources.OrderBy(s => s.Path, StringComparer.Ordinal))
        {
            if (RuleFileParser.Parse(source.Path, source.Pack, source.Text, diagnostics) is { } file)
            {
                files.Add(file);
            }
        }

        // Every concept is checked once, in the pack that defines it; packs that reuse it share the result.
        var concepts = new Dictionary<(string Pack, string Name), CheckedConcept>();
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (RuleFile file in files.Where(f => f.Concept is not null))
        {
            int before = diagnostics.Count(d => d.Severity == RuleSeverity.Error);
            CheckedConcept? concept = ConceptCompiler.Compile(file.Concept!, file.Path, diagnostics);
            if (concept is null || diagnostics.Count(d => d.Severity == RuleSeverity.Error) > before)
            {
                failed.Add(file.Pack);
            }

            if (concept is null)
            {
                continue;
            }

            if (concepts.ContainsKey((file.Pack, concept.Definition.Name)))
            {
                diagnostics.Add(new RuleDiagnostic(RuleErrors.DuplicateConcept, RuleSeverity.Error,
                    $"Concept '{concept.Definition.Name}' is defined twice in pack '{file.Pack}': merge the two files or rename one.",
                    concept.Definition.Span));
                failed.Add(file.Pack);
                continue;
            }

            concepts[(file.Pack, concept.Definition.Name)] = concept;
        }

        foreach (RuleFile file in files.Where(f => f.Concept is null && f.Settings is null))
        {
            failed.Add(file.Pack);
        }

        var packs = new List<CompiledPack>();
        foreach (string pack in files.Select(f => f.Pack).Distinct().OrderBy(p => p, StringComparer.Ordinal))
        {
            List<RuleFile> packFiles = files.Where(f => f.Pack == pack).ToList();
            CompiledPack? compiled = new PackCompiler(pack, packFiles, concepts, diagnostics).Compile();
            if (compiled is not null && !failed.Contains(pack) && !UsesFailedPack(packFiles, failed))
            {
                packs.Add(compiled);
            }
        }

        return new RuleCompilation(packs, diagnostics);
    }

    private static bool UsesFailedPack(List<RuleFile> files, HashSet<string> failed) =>
        files.Any(f => f.Settings is not null && f.Settings.Uses.Count > 0 && failed.Contains(RulePaths.DefaultPack));
}
