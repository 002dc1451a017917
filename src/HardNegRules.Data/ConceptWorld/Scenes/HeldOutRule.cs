namespace HardNegRules.Data.ConceptWorld.Scenes;

/// <summary>How a sampled scene treats the held-out color-shape pairs.</summary>
public enum HeldOutRule
{
    /// <summary>No object may have a held-out pair (training and validation).</summary>
    Forbid,

    /// <summary>At least one object has a held-out pair; the others are drawn as under <see cref="Forbid"/>.</summary>
    Require,

    /// <summary>Any pair may appear.</summary>
    Allow,
}
