using Microsoft.CodeAnalysis;
using E = HardNegRules.Rules.Diagnostics.RuleErrors;

namespace HardNegRules.Generators;

/// <summary>The build diagnostics of rule files, one descriptor per id of <see cref="E"/>.</summary>
internal static class RuleDiagnosticDescriptors
{
    private const string Category = "HardNegRules.Rules";

    public static readonly DiagnosticDescriptor InternalError = Error("HNR000", "Internal error of the rule generator");
    public static readonly DiagnosticDescriptor MalformedYaml = Error(E.MalformedYaml, "Rule file is not valid YAML");
    public static readonly DiagnosticDescriptor UnknownKey = Error(E.UnknownKey, "Unknown key in rule file");
    public static readonly DiagnosticDescriptor UnknownConcept = Error(E.UnknownConcept, "Unknown concept");
    public static readonly DiagnosticDescriptor TermInTwoConcepts = Error(E.TermInTwoConcepts, "Term in two concepts");
    public static readonly DiagnosticDescriptor DuplicateTerm = Error(E.DuplicateTerm, "Duplicate term");
    public static readonly DiagnosticDescriptor NoReplacement = Error(E.NoReplacement, "Term has no allowed replacement");
    public static readonly DiagnosticDescriptor OppositeNotATerm = Error(E.OppositeNotATerm, "Opposite is not a term");
    public static readonly DiagnosticDescriptor EmptyConcept = Error(E.EmptyConcept, "Concept has no terms");
    public static readonly DiagnosticDescriptor ContextNeverMatches = Error(E.ContextNeverMatches, "Context can never match");
    public static readonly DiagnosticDescriptor InvalidValue = Error(E.InvalidValue, "Invalid value in rule file");
    public static readonly DiagnosticDescriptor UnknownTerm = Error(E.UnknownTerm, "Unknown term");
    public static readonly DiagnosticDescriptor MissingKey = Error(E.MissingKey, "Required key missing");
    public static readonly DiagnosticDescriptor DuplicateConcept = Error(E.DuplicateConcept, "Concept defined twice");
    public static readonly DiagnosticDescriptor MissingCategory = Error(E.MissingCategory, "Term has no category");
    public static readonly DiagnosticDescriptor OverLimit = Error(E.OverLimit, "Rule file over a limit");
    public static readonly DiagnosticDescriptor InvalidText = Error(E.InvalidText, "Rule file is not valid UTF-8");
    public static readonly DiagnosticDescriptor Contradiction = Error(E.Contradiction, "Rules contradict each other");
    public static readonly DiagnosticDescriptor NoEffect = new(E.NoEffect, "Rule has no effect", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new()
    {
        [InternalError.Id] = InternalError,
        [MalformedYaml.Id] = MalformedYaml,
        [UnknownKey.Id] = UnknownKey,
        [UnknownConcept.Id] = UnknownConcept,
        [TermInTwoConcepts.Id] = TermInTwoConcepts,
        [DuplicateTerm.Id] = DuplicateTerm,
        [NoReplacement.Id] = NoReplacement,
        [OppositeNotATerm.Id] = OppositeNotATerm,
        [EmptyConcept.Id] = EmptyConcept,
        [ContextNeverMatches.Id] = ContextNeverMatches,
        [InvalidValue.Id] = InvalidValue,
        [UnknownTerm.Id] = UnknownTerm,
        [MissingKey.Id] = MissingKey,
        [DuplicateConcept.Id] = DuplicateConcept,
        [MissingCategory.Id] = MissingCategory,
        [NoEffect.Id] = NoEffect,
        [OverLimit.Id] = OverLimit,
        [InvalidText.Id] = InvalidText,
        [Contradiction.Id] = Contradiction,
    };

    public static DiagnosticDescriptor For(string id) => ById.TryGetValue(id, out DiagnosticDescriptor? descriptor) ? descriptor : InternalError;

    private static DiagnosticDescriptor Error(string id, string title) =>
        new(id, title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
