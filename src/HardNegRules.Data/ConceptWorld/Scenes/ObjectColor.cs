namespace HardNegRules.Data.ConceptWorld.Scenes;

/// <summary>The color of an object; each is a plain English color word (see <see cref="WorldVocabulary"/>, RGB in <see cref="Rendering.WorldPalette"/>).</summary>
public enum ObjectColor
{
    /// <summary>Red.</summary>
    Red,

    /// <summary>Green.</summary>
    Green,

    /// <summary>Blue.</summary>
    Blue,

    /// <summary>Yellow.</summary>
    Yellow,

    /// <summary>Orange.</summary>
    Orange,

    /// <summary>Purple.</summary>
    Purple,

    /// <summary>White.</summary>
    White,

    /// <summary>Black.</summary>
    Black,

    /// <summary>Pink.</summary>
    Pink,

    /// <summary>Brown.</summary>
    Brown,

    /// <summary>Gray.</summary>
    Gray,
}
