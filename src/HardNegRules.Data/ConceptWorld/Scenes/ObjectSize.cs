namespace HardNegRules.Data.ConceptWorld.Scenes;

/// <summary>The size class of an object; the rendered radius is a fixed fraction of a grid cell per class.</summary>
public enum ObjectSize
{
    /// <summary>Small.</summary>
    Small,

    /// <summary>Medium; only sampled when <see cref="ConceptWorldOptions.IncludeMediumSize"/> is set.</summary>
    Medium,

    /// <summary>Large.</summary>
    Large,
}
