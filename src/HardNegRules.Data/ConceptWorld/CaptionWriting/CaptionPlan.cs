namespace HardNegRules.Data.ConceptWorld.CaptionWriting;

/// <summary>
/// What a caption says, apart from the words the scene supplies: the template, which objects it names (in mention
/// order), how much it says about each, and which location phrase or relation axis it uses. Rendering a plan against
/// a scene gives its text; rendering the same plan against a twin or a swapped scene gives the matching caption there.
/// </summary>
internal sealed record CaptionPlan(
    CaptionTemplate Template,
    IReadOnlyList<int> Objects,
    NounDetail Detail,
    LocationPhraseKind Location = LocationPhraseKind.None,
    RelationAxis Axis = RelationAxis.Horizontal)
{
    /// <summary>The concepts the caption mentions.</summary>
    public WorldConcepts Concepts
    {
        get
        {
            WorldConcepts concepts = WorldConcepts.Shape;
            if (Detail is NounDetail.ColorShape or NounDetail.SizeColorShape)
            {
                concepts |= WorldConcepts.Color;
            }

            if (Detail is NounDetail.SizeShape or NounDetail.SizeColorShape)
            {
                concepts |= WorldConcepts.Size;
            }

            if (IsPositional(Template))
            {
                concepts |= WorldConcepts.Location;
            }

            return concepts;
        }
    }

    /// <summary>Whether a template states location.</summary>
    public static bool IsPositional(CaptionTemplate template) => template >= CaptionTemplate.ObjectAt;
}
