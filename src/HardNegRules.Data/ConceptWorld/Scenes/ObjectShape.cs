namespace HardNegRules.Data.ConceptWorld.Scenes;

/// <summary>The shape of an object in the concept world; each has a one-word English name (see <see cref="WorldVocabulary"/>).</summary>
public enum ObjectShape
{
    /// <summary>A filled disc.</summary>
    Circle,

    /// <summary>An axis-aligned square.</summary>
    Square,

    /// <summary>An upward-pointing triangle.</summary>
    Triangle,

    /// <summary>A five-pointed star.</summary>
    Star,

    /// <summary>A heart.</summary>
    Heart,

    /// <summary>A plus-shaped cross.</summary>
    Cross,

    /// <summary>A square standing on one corner.</summary>
    Diamond,

    /// <summary>A regular hexagon.</summary>
    Hexagon,

    /// <summary>A regular pentagon, point up.</summary>
    Pentagon,

    /// <summary>A disc with a hole (an annulus).</summary>
    Ring,
}
