namespace HardNegRules.Data.ConceptWorld.CaptionWriting;

/// <summary>Which kind of absolute location phrase an <see cref="CaptionTemplate.ObjectAt"/> caption uses.</summary>
internal enum LocationPhraseKind
{
    None,
    Column,
    Row,
    Corner,
    Center,
}
