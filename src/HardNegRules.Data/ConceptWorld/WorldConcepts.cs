namespace HardNegRules.Data.ConceptWorld;

/// <summary>The visual concepts of the world (those of Rösch et al.); flags so a caption can record all it mentions.</summary>
[Flags]
public enum WorldConcepts
{
    /// <summary>No concept.</summary>
    None = 0,

    /// <summary>Object color.</summary>
    Color = 1,

    /// <summary>Object shape (the paper's "object" concept).</summary>
    Shape = 2,

    /// <summary>Object size.</summary>
    Size = 4,

    /// <summary>Location: absolute position, relations between objects and left-to-right or top-to-bottom order.</summary>
    Location = 8,
}
