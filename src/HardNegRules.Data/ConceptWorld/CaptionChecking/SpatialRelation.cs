namespace HardNegRules.Data.ConceptWorld.CaptionChecking;

/// <summary>A spatial relation word.</summary>
public enum SpatialRelation
{
    /// <summary>"to the left of": a smaller column.</summary>
    LeftOf,

    /// <summary>"to the right of": a larger column.</summary>
    RightOf,

    /// <summary>"above": a smaller row.</summary>
    Above,

    /// <summary>"below": a larger row.</summary>
    Below,
}
