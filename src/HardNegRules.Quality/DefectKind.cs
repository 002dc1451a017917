namespace HardNegRules.Quality;

/// <summary>The kinds of mistake the quality report looks for in each negative.</summary>
public enum DefectKind
{
    /// <summary>A word of the negative is neither a word of the caption nor a word the rules can write ("colomauve").</summary>
    BrokenWord,

    /// <summary>The negative differs from the caption beyond the changed term(s) and the a/an right before them.</summary>
    UnintendedChange,

    /// <summary>"a" or "an" before a changed term does not fit its first sound ("a apple", "an banana").</summary>
    ArticleDisagreement,

    /// <summary>A number word or determiner disagrees with the changed noun ("a dogs", "two dog"), where the caption agreed.</summary>
    NumberDisagreement,

    /// <summary>The replacement keeps a different form than the term it replaces (plural for singular, base for comparative).</summary>
    FormChanged,

    /// <summary>The replacement is a synonym of the term, or in a never-swap group with it: the "negative" may still be true.</summary>
    SynonymOrHypernym,

    /// <summary>The replacement is not allowed by the concept's policy (not an opposite, another category, not a term).</summary>
    PolicyViolation,

    /// <summary>The changed term lies inside an occurrence of one of its concept's blocked phrases.</summary>
    BlockedPhrase,
}

/// <summary>One defect found in one negative.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="CaptionId">The caption's id.</param>
/// <param name="Caption">The caption.</param>
/// <param name="Negative">The negative's text.</param>
/// <param name="Detail">What exactly was found, for a person to read.</param>
public sealed record QualityDefect(DefectKind Kind, string CaptionId, string Caption, string Negative, string Detail);
