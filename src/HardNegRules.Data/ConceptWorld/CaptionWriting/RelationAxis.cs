namespace HardNegRules.Data.ConceptWorld.CaptionWriting;

/// <summary>The axis of a relation: horizontal gives "to the left of" / "to the right of", vertical "above" / "below".</summary>
internal enum RelationAxis
{
    Horizontal,
    Vertical,
}
