namespace HardNegRules.Data.ConceptWorld.Scenes;

/// <summary>A color-shape combination, the unit held out of training to test compositional generalisation.</summary>
/// <param name="Color">The color.</param>
/// <param name="Shape">The shape.</param>
public readonly record struct ColorShapePair(ObjectColor Color, ObjectShape Shape)
{
    /// <summary>The pair as words, e.g. "red circle".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{WorldVocabulary.ColorWord(Color)} {WorldVocabulary.ShapeWord(Shape)}";
}
