namespace HardNegRules.Rules.Diagnostics;

/// <summary>
/// The catalog of rule diagnostics. Ids are stable: tools, docs and tests refer to them. The build (through the source
/// generator) and <c>hardneg rules check</c> report exactly these.
/// </summary>
public static class RuleErrors
{
    /// <summary>The file is not valid YAML.</summary>
    public const string MalformedYaml = "HNR001";

    /// <summary>A key that the rule language does not know.</summary>
    public const string UnknownKey = "HNR002";

    /// <summary>A concept name that no pack defines.</summary>
    public const string UnknownConcept = "HNR003";

    /// <summary>The same term in two concepts, with nothing to tell them apart.</summary>
    public const string TermInTwoConcepts = "HNR004";

    /// <summary>The same term (or form) twice in one concept.</summary>
    public const string DuplicateTerm = "HNR005";

    /// <summary>A term that no rule lets be replaced by anything.</summary>
    public const string NoReplacement = "HNR006";

    /// <summary>An opposite that is not a term of the concept.</summary>
    public const string OppositeNotATerm = "HNR007";

    /// <summary>A concept without terms.</summary>
    public const string EmptyConcept = "HNR008";

    /// <summary>A context condition or blocked phrase that can never apply.</summary>
    public const string ContextNeverMatches = "HNR009";

    /// <summary>A value of the wrong type or out of range.</summary>
    public const string InvalidValue = "HNR010";

    /// <summary>A term named in synonyms, never-swap or contexts that is not a term of the concept.</summary>
    public const string UnknownTerm = "HNR011";

    /// <summary>A required key is missing.</summary>
    public const string MissingKey = "HNR012";

    /// <summary>Two concepts of one pack with the same name.</summary>
    public const string DuplicateConcept = "HNR013";

    /// <summary>A term without a category in a concept whose policy is same-category.</summary>
    public const string MissingCategory = "HNR014";

    /// <summary>A rule that has no effect (a warning).</summary>
    public const string NoEffect = "HNR015";

    /// <summary>A rule file over a limit of the rule language: too large, or nested too deeply.</summary>
    public const string OverLimit = "HNR016";

    /// <summary>A rule file that is not valid UTF-8 text.</summary>
    public const string InvalidText = "HNR017";

    /// <summary>Two rules that contradict each other (a pair both synonyms and opposites, a term opposite to itself).</summary>
    public const string Contradiction = "HNR018";

    /// <summary>Titles for each id, as shown by the build's diagnostic descriptors.</summary>
    public static IReadOnlyDictionary<string, string> Titles { get; } = new Dictionary<string, string>
    {
        [MalformedYaml] = "Rule file is not valid YAML",
        [UnknownKey] = "Unknown key in rule file",
        [UnknownConcept] = "Unknown concept",
        [TermInTwoConcepts] = "Term in two concepts",
        [DuplicateTerm] = "Duplicate term",
        [NoReplacement] = "Term has no allowed replacement",
        [OppositeNotATerm] = "Opposite is not a term",
        [EmptyConcept] = "Concept has no terms",
        [ContextNeverMatches] = "Context can never match",
        [InvalidValue] = "Invalid value in rule file",
        [UnknownTerm] = "Unknown term",
        [MissingKey] = "Required key missing",
        [DuplicateConcept] = "Concept defined twice",
        [MissingCategory] = "Term has no category",
        [NoEffect] = "Rule has no effect",
        [OverLimit] = "Rule file over a limit",
        [InvalidText] = "Rule file is not valid UTF-8",
        [Contradiction] = "Rules contradict each other",
    };
}
