using HardNegRules.Data.ConceptWorld.Scenes;
using HardNegRules.Data.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace HardNegRules.Data.ConceptWorld.Rendering;

/// <summary>
/// Renders a scene graph to pixels. Rendering is a pure function of the scene and the size: the pixel noise comes from
/// the scene's own seed, so a sample can be rendered on demand, any number of times, with identical bytes.
/// </summary>
public static class SceneRenderer
{
    /// <summary>Renders <paramref name="scene"/> as a square RGB image.</summary>
    /// <param name="scene">The scene.</param>
    /// <param name="size">The side in pixels (at least 16).</param>
    /// <returns>The image; the caller disposes it.</returns>
    public static Image<Rgb24> Render(Scene scene, int size)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 16);
        var image = new Image<Rgb24>(size, size);
        ObjectPlacement[] placements = [.. scene.Objects.Select(o => ObjectPlacement.Of(o, size))];
        var noise = new WorldRandom(scene.Background.NoiseSeed);
        float[] rgbRow = new float[3 * size];
        image.ProcessPixelRows(rows =>
        {
            for (int y = 0; y < size; y++)
            {
                FillBackgroundRow(rgbRow, y, size, scene.Background);
                for (int k = 0; k < placements.Length; k++)
                {
                    SceneObject item = scene.Objects[k];
                    ShapeRasterizer.BlendRow(rgbRow, y, item.Shape, placements[k], WorldPalette.Of(item.Color));
                }

                WriteWithNoise(rgbRow, rows.GetRowSpan(y), noise, scene.Background.NoiseAmplitude);
            }
        });
        return image;
    }

    /// <summary>
    /// Renders <paramref name="scene"/> into <paramref name="destination"/> as channel-major (C, H, W) floats normalised
    /// as CLIP's preprocessing does (<see cref="ClipImagePreprocessor.WriteNormalizedChw"/>): (value / 255 - mean) / std.
    /// </summary>
    /// <param name="scene">The scene.</param>
    /// <param name="size">The side in pixels.</param>
    /// <param name="destination">At least 3 * size * size floats.</param>
    public static void RenderNormalizedChw(Scene scene, int size, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, 3 * size * size, nameof(destination));
        using Image<Rgb24> image = Render(scene, size);
        ClipImagePreprocessor.WriteNormalizedChw(image, destination);
    }

    /// <summary>As <see cref="RenderNormalizedChw(Scene, int, Span{float})"/>, into a new array.</summary>
    /// <param name="scene">The scene.</param>
    /// <param name="size">The side in pixels.</param>
    /// <returns>3 * size * size floats.</returns>
    public static float[] RenderNormalizedChw(Scene scene, int size)
    {
        float[] result = new float[3 * size * size];
        RenderNormalizedChw(scene, size, result);
        return result;
    }

    private static void FillBackgroundRow(Span<float> rgbRow, int y, int size, SceneBackground background)
    {
        Rgb24 tone = WorldPalette.Of(background.Tone);
        float fy = ((y + 0.5f) / size) - 0.5f;
        for (int x = 0; x < size; x++)
        {
            float fx = ((x + 0.5f) / size) - 0.5f;
            float light = (background.GradientX * fx) + (background.GradientY * fy);
            int i = 3 * x;
            rgbRow[i] = tone.R + background.ShiftRed + light;
            rgbRow[i + 1] = tone.G + background.ShiftGreen + light;
            rgbRow[i + 2] = tone.B + background.ShiftBlue + light;
        }
    }

    private static void WriteWithNoise(ReadOnlySpan<float> rgbRow, Span<Rgb24> pixels, WorldRandom noise, int amplitude)
    {
        // One 64-bit draw gives three 16-bit noise values, one per channel.
        float noiseScale = (2f * amplitude) / 65535f;
        for (int x = 0; x < pixels.Length; x++)
        {
            ulong bits = noise.NextUInt64();
            int i = 3 * x;
            pixels[x] = new Rgb24(
                ToByte(rgbRow[i] + ((bits & 0xFFFF) * noiseScale) - amplitude),
                ToByte(rgbRow[i + 1] + (((bits >> 16) & 0xFFFF) * noiseScale) - amplitude),
                ToByte(rgbRow[i + 2] + (((bits >> 32) & 0xFFFF) * noiseScale) - amplitude));
        }
    }

    private static byte ToByte(float value) => (byte)Math.Clamp((int)MathF.Round(value), 0, 255);
}
