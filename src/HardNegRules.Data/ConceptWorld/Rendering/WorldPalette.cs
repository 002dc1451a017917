using HardNegRules.Data.ConceptWorld.Scenes;
using SixLabors.ImageSharp.PixelFormats;

namespace HardNegRules.Data.ConceptWorld.Rendering;

/// <summary>
/// RGB values of the object colors and background tones. Chosen so every pair of object colors differs by at least
/// ~90 in some channel, and every object color differs from every background tone by more than the per-scene shift
/// plus pixel noise (about 40 at the defaults): a color word is always recoverable from the pixels.
/// </summary>
public static class WorldPalette
{
    private static readonly Rgb24[] ObjectColors =
    [
        new(220, 35, 35),    // red
        new(40, 175, 60),    // green
        new(40, 80, 225),    // blue
        new(245, 225, 40),   // yellow
        new(250, 140, 20),   // orange
        new(135, 45, 180),   // purple
        new(250, 250, 250),  // white
        new(15, 15, 15),     // black
        new(250, 150, 205),  // pink
        new(125, 75, 35),    // brown
        new(128, 128, 128),  // gray
    ];

    private static readonly Rgb24[] BackgroundTones =
    [
        new(25, 95, 110),    // teal: far from green (G 175) and blue (B 225)
        new(205, 190, 155),  // sand: between white and brown, clear of yellow and orange in blue
        new(165, 160, 200),  // lavender: clear of gray (B +72) and of pink and purple
    ];

    /// <summary>The RGB value of an object color.</summary>
    /// <param name="color">The color.</param>
    /// <returns>The RGB value.</returns>
    public static Rgb24 Of(ObjectColor color) => ObjectColors[(int)color];

    /// <summary>The RGB value of a background tone before the per-scene shift.</summary>
    /// <param name="tone">The tone.</param>
    /// <returns>The RGB value.</returns>
    public static Rgb24 Of(BackgroundTone tone) => BackgroundTones[(int)tone];
}
