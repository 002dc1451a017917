namespace HardNegRules.Data.ConceptWorld.CaptionWriting;

/// <summary>The caption templates. Those marked positional state location; the others never do.</summary>
public enum CaptionTemplate
{
    /// <summary>"a small red circle".</summary>
    SingleObject,

    /// <summary>"there is a red circle".</summary>
    ThereIs,

    /// <summary>"a red circle and a blue square" or "a red circle, a blue square and a green star", in random order.</summary>
    ObjectList,

    /// <summary>"a picture of a red circle and a blue square".</summary>
    PictureOf,

    /// <summary>"two objects: a red circle and a blue square"; names every object and their number.</summary>
    CountedList,

    /// <summary>Positional: "a large yellow star on the right".</summary>
    ObjectAt,

    /// <summary>Positional: "there is a green triangle at the top".</summary>
    ThereIsAt,

    /// <summary>Positional: "a small red circle to the left of a large blue square" (also right of, above, below).</summary>
    Relation,

    /// <summary>Positional: "two objects: a red heart above a green cross" (scenes of exactly two objects).</summary>
    CountedRelation,

    /// <summary>Positional: "from left to right: a red circle, a blue square and a green star".</summary>
    LeftToRight,

    /// <summary>Positional: "from top to bottom: a red circle and a blue square".</summary>
    TopToBottom,
}
