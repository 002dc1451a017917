namespace HardNegRules.Data.ConceptWorld.CaptionWriting;

/// <summary>Which attributes a noun phrase names; the shape is always named, as the head noun.</summary>
internal enum NounDetail
{
    Shape,
    ColorShape,
    SizeShape,
    SizeColorShape,
}
