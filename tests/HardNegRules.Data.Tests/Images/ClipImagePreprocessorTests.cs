using HardNegRules.Data.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace HardNegRules.Data.Tests.Images;

public class ClipImagePreprocessorTests
{
    [Test]
    public void A_plain_color_becomes_clip_normalised_planes()
    {
        using var image = new Image<Rgb24>(10, 10, new Rgb24(255, 128, 0));
        float[] pixels = new float[3 * 4 * 4];

        ClipImagePreprocessor.ToNormalizedChw(image, 4, pixels);

        float[] expected = [.. new[] { 255f, 128f, 0f }.Select((v, c) => ((v / 255f) - ClipNormalization.Mean[c]) / ClipNormalization.StandardDeviation[c])];
        for (int c = 0; c < 3; c++)
        {
            Assert.That(pixels.Skip(c * 16).Take(16), Has.All.EqualTo(expected[c]).Within(1e-4), $"channel {c}");
        }
    }

    [Test]
    public void A_wide_image_is_cropped_to_its_centre_square()
    {
        // 30x10: blue margins of 10 pixels either side of a red 10x10 centre. The crop keeps only the red square.
        using var image = new Image<Rgb24>(30, 10, new Rgb24(0, 0, 255));
        for (int y = 0; y < 10; y++)
        {
            for (int x = 10; x < 20; x++)
            {
                image[x, y] = new Rgb24(255, 0, 0);
            }
        }
        float[] pixels = new float[3 * 8 * 8];

        ClipImagePreprocessor.ToNormalizedChw(image, 8, pixels);

        float red = (1 - ClipNormalization.Mean[0]) / ClipNormalization.StandardDeviation[0];
        float noBlue = -ClipNormalization.Mean[2] / ClipNormalization.StandardDeviation[2];
        // Bicubic filtering may bleed a little at the crop's edge columns; the inner columns are pure.
        for (int y = 0; y < 8; y++)
        {
            for (int x = 1; x < 7; x++)
            {
                Assert.That(pixels[(y * 8) + x], Is.EqualTo(red).Within(0.05), $"red at {x},{y}");
                Assert.That(pixels[(2 * 64) + (y * 8) + x], Is.EqualTo(noBlue).Within(0.05), $"blue at {x},{y}");
            }
        }
    }
}
