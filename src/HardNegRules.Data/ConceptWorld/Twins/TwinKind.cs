namespace HardNegRules.Data.ConceptWorld.Twins;

/// <summary>How a twin differs from its original; reported separately because only binding twins defeat a bag of words.</summary>
public enum TwinKind
{
    /// <summary>One object's color, shape or size becomes a value absent from the scene, or the object moves to an empty cell.</summary>
    Replace,

    /// <summary>Two objects swap their colors, shapes, sizes or positions: the bag of words is unchanged.</summary>
    Binding,
}
