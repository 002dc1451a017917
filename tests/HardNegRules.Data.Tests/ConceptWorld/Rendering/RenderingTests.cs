using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.Rendering;
using HardNegRules.Data.ConceptWorld.Scenes;
using HardNegRules.Data.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace HardNegRules.Data.Tests.ConceptWorld.Rendering;

public class RenderingTests
{
    private static Scene OneObject(ObjectShape shape, ObjectColor color, ObjectSize size, int noise = 0) => new(
        new SceneBackground(BackgroundTone.Teal, 0, 0, 0, 0, 0, noise, 9),
        [new SceneObject(shape, color, size, new GridCell(1, 1), 0, 0)]);

    [TestCase(64)]
    [TestCase(96)]
    [TestCase(128)]
    public void Renders_at_the_requested_size_with_the_object_color_at_its_centre(int size)
    {
        foreach (ObjectShape shape in Enum.GetValues<ObjectShape>().Where(s => s != ObjectShape.Ring))
        {
            using Image<Rgb24> image = SceneRenderer.Render(OneObject(shape, ObjectColor.Red, ObjectSize.Large), size);
            Assert.That(image.Width, Is.EqualTo(size));
            Assert.That(image.Height, Is.EqualTo(size));
            Assert.That(image[size / 2, size / 2], Is.EqualTo(WorldPalette.Of(ObjectColor.Red)), shape.ToString());
            Assert.That(image[0, 0], Is.EqualTo(WorldPalette.Of(BackgroundTone.Teal)));
        }
    }

    [Test]
    public void Edges_are_anti_aliased()
    {
        using Image<Rgb24> image = SceneRenderer.Render(OneObject(ObjectShape.Circle, ObjectColor.White, ObjectSize.Large), 64);
        Rgb24 background = WorldPalette.Of(BackgroundTone.Teal);
        int intermediate = 0;
        for (int y = 0; y < 64; y++)
        {
            for (int x = 0; x < 64; x++)
            {
                byte red = image[x, y].R;
                intermediate += red > background.R + 10 && red < 240 ? 1 : 0;
            }
        }

        // A circle of radius ~9 px has ~57 edge pixels; most should be partly covered.
        Assert.That(intermediate, Is.GreaterThan(30));
    }

    [Test]
    public void Shapes_have_distinct_silhouettes()
    {
        var silhouettes = new Dictionary<string, ObjectShape>();
        foreach (ObjectShape shape in Enum.GetValues<ObjectShape>())
        {
            using Image<Rgb24> image = SceneRenderer.Render(OneObject(shape, ObjectColor.White, ObjectSize.Large), 64);
            var mask = new System.Text.StringBuilder();
            for (int y = 0; y < 64; y++)
            {
                for (int x = 0; x < 64; x++)
                {
                    mask.Append(image[x, y].R > 128 ? '#' : '.');
                }
            }

            Assert.That(silhouettes.TryAdd(mask.ToString(), shape), Is.True, $"{shape} looks like another shape");
        }
    }

    [Test]
    public void Large_objects_cover_more_pixels_than_small_ones()
    {
        int Covered(ObjectSize size)
        {
            using Image<Rgb24> image = SceneRenderer.Render(OneObject(ObjectShape.Square, ObjectColor.White, size), 64);
            int count = 0;
            image.ProcessPixelRows(rows =>
            {
                for (int y = 0; y < rows.Height; y++)
                {
                    foreach (Rgb24 pixel in rows.GetRowSpan(y))
                    {
                        count += pixel.R > 128 ? 1 : 0;
                    }
                }
            });
            return count;
        }

        Assert.That(Covered(ObjectSize.Large), Is.GreaterThan(2.5 * Covered(ObjectSize.Small)));
    }

    [Test]
    public void Objects_stay_inside_their_cells_so_never_overlap()
    {
        foreach (int size in (int[])[64, 128])
        {
            foreach (WorldScene scene in SmallWorld.Dataset.Train.Scenes.Take(500))
            {
                foreach (SceneObject item in scene.Scene.Objects)
                {
                    ObjectPlacement placement = ObjectPlacement.Of(item, size);
                    float cell = size / 3f;
                    float reach = placement.Radius + 0.5f;
                    Assert.That(placement.CenterX - reach, Is.GreaterThanOrEqualTo(item.Cell.Column * cell));
                    Assert.That(placement.CenterX + reach, Is.LessThanOrEqualTo((item.Cell.Column + 1) * cell));
                    Assert.That(placement.CenterY - reach, Is.GreaterThanOrEqualTo(item.Cell.Row * cell));
                    Assert.That(placement.CenterY + reach, Is.LessThanOrEqualTo((item.Cell.Row + 1) * cell));
                }
            }
        }
    }

    [Test]
    public void Pixels_outside_every_object_cell_are_background()
    {
        Scene noisy = SmallWorld.Dataset.Train.Scenes[0].Scene;
        Scene scene = new(noisy.Background with { NoiseAmplitude = 0, GradientX = 0, GradientY = 0, ShiftRed = 0, ShiftGreen = 0, ShiftBlue = 0 }, noisy.Objects);
        using Image<Rgb24> image = SceneRenderer.Render(scene, 96);
        Rgb24 background = WorldPalette.Of(scene.Background.Tone);
        var occupied = scene.Objects.Select(o => o.Cell).ToHashSet();
        for (int y = 0; y < 96; y++)
        {
            for (int x = 0; x < 96; x++)
            {
                if (!occupied.Contains(new GridCell(x / 32, y / 32)))
                {
                    Assert.That(image[x, y], Is.EqualTo(background));
                }
            }
        }
    }

    [Test]
    public void Normalised_chw_matches_the_image_with_clip_mean_and_std()
    {
        ConceptWorldSample sample = SmallWorld.Dataset.Train.Samples[1];
        float[] chw = new float[3 * 64 * 64];
        sample.RenderNormalizedChw(chw);
        using Image<Rgb24> image = sample.RenderImage();
        foreach ((int x, int y) in (ValueTuple<int, int>[])[(0, 0), (31, 17), (63, 63)])
        {
            Rgb24 pixel = image[x, y];
            byte[] channels = [pixel.R, pixel.G, pixel.B];
            for (int c = 0; c < 3; c++)
            {
                float expected = ((channels[c] / 255f) - ClipNormalization.Mean[c]) / ClipNormalization.StandardDeviation[c];
                Assert.That(chw[(c * 64 * 64) + (y * 64) + x], Is.EqualTo(expected).Within(1e-5f));
            }
        }
    }

    [Test]
    public void Noise_varies_pixels_of_a_flat_background()
    {
        using Image<Rgb24> image = SceneRenderer.Render(OneObject(ObjectShape.Circle, ObjectColor.Red, ObjectSize.Small, noise: 8), 64);
        var values = new HashSet<Rgb24>();
        for (int x = 0; x < 20; x++)
        {
            values.Add(image[x, 0]);
        }

        Assert.That(values, Has.Count.GreaterThan(10));
    }
}
