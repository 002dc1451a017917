namespace HardNegRules.Data.ConceptWorld;

/// <summary>The splits of a concept world.</summary>
public enum SplitKind
{
    /// <summary>Training: no held-out color-shape pair ever appears.</summary>
    Train,

    /// <summary>Validation: drawn like training.</summary>
    Validation,

    /// <summary>Test: a share of scenes contains held-out pairs; twins are made from these scenes.</summary>
    Test,
}
