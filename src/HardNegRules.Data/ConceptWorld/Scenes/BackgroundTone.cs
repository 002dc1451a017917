namespace HardNegRules.Data.ConceptWorld.Scenes;

/// <summary>
/// The base tones of a scene background. They sit away from every object color (see <see cref="Rendering.WorldPalette"/>),
/// so an object never blends into the background even after jitter and noise.
/// </summary>
public enum BackgroundTone
{
    /// <summary>A dark blue-green.</summary>
    Teal,

    /// <summary>A light warm beige.</summary>
    Sand,

    /// <summary>A muted blue-violet gray.</summary>
    Lavender,
}
