namespace HardNegRules.Quality;

/// <summary>A negative with everything the checks read: its caption, both texts' words, its concept and its alignment.</summary>
internal sealed class NegativeUnderCheck
{
    public NegativeUnderCheck(string caption, HardNegative negative, RuleVocabulary vocabulary)
    {
        Caption = caption;
        Negative = negative;
        Vocabulary = vocabulary;
        Concept = vocabulary.Concept(negative.Concept);
        CaptionWords = Quality.CaptionWords.Split(caption);
        NegativeWords = Quality.CaptionWords.Split(negative.Text);
        Alignment = NegativeAlignment.Of(caption, negative);
    }

    public string Caption { get; }

    public HardNegative Negative { get; }

    public RuleVocabulary Vocabulary { get; }

    /// <summary>The negative's concept as the rule files state it; null when no file defines it.</summary>
    public VocabularyConcept? Concept { get; }

    public IReadOnlyList<CaptionWord> CaptionWords { get; }

    public IReadOnlyList<CaptionWord> NegativeWords { get; }

    public NegativeAlignment Alignment { get; }
}

/// <summary>One automated check of a negative.</summary>
internal interface INegativeCheck
{
    /// <summary>The kind of defect this check finds.</summary>
    DefectKind Kind { get; }

    /// <summary>A description of each defect found; empty when the negative passes.</summary>
    IEnumerable<string> Find(NegativeUnderCheck negative);
}
