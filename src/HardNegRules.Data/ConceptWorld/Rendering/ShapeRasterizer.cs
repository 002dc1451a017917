using HardNegRules.Data.ConceptWorld.Scenes;
using SixLabors.ImageSharp.PixelFormats;

namespace HardNegRules.Data.ConceptWorld.Rendering;

/// <summary>
/// Draws one object into one row of a floating-point RGB row buffer, with analytic coverage: each pixel's coverage is
/// 0.5 minus the signed distance from its centre to the outline, in pixels, clamped to [0, 1]. That is the exact area
/// fraction for a straight edge through the pixel, and costs one distance per pixel instead of 16 samples.
/// </summary>
internal static class ShapeRasterizer
{
    /// <summary>Blends the object's color over <paramref name="rgbRow"/> (interleaved R, G, B floats) at row <paramref name="y"/>.</summary>
    /// <param name="rgbRow">The row, 3 floats per pixel, 0-255 units.</param>
    /// <param name="y">The row index.</param>
    /// <param name="shape">The shape.</param>
    /// <param name="placement">Where the object lies.</param>
    /// <param name="color">Its color.</param>
    public static void BlendRow(Span<float> rgbRow, int y, ObjectShape shape, ObjectPlacement placement, Rgb24 color)
    {
        int width = rgbRow.Length / 3;
        if (y < placement.FirstPixel(placement.CenterY) || y > placement.LastPixel(placement.CenterY))
        {
            return;
        }

        int first = Math.Max(0, placement.FirstPixel(placement.CenterX));
        int last = Math.Min(width - 1, placement.LastPixel(placement.CenterX));
        float scale = 1f / placement.Radius;
        float unitY = (y + 0.5f - placement.CenterY) * scale;
        for (int x = first; x <= last; x++)
        {
            float unitX = (x + 0.5f - placement.CenterX) * scale;
            float distancePixels = ShapeGeometry.SignedDistance(shape, unitX, unitY) * placement.Radius;
            float coverage = Math.Clamp(0.5f - distancePixels, 0f, 1f);
            if (coverage <= 0f)
            {
                continue;
            }

            int i = 3 * x;
            rgbRow[i] += (color.R - rgbRow[i]) * coverage;
            rgbRow[i + 1] += (color.G - rgbRow[i + 1]) * coverage;
            rgbRow[i + 2] += (color.B - rgbRow[i + 2]) * coverage;
        }
    }
}
