using HardNegRules.Data.ConceptWorld;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace HardNegRules.Data.Tests.ConceptWorld;

public class DeterminismTests
{
    private static ConceptWorldOptions Small(ulong seed) => new()
    {
        Seed = seed,
        TrainSceneCount = 300,
        ValidationSceneCount = 30,
        TestSceneCount = 60,
    };

    [Test]
    public void Same_seed_gives_same_scenes_captions_twins_and_pixels()
    {
        ConceptWorldDataset first = ConceptWorldDataset.Generate(Small(5));
        ConceptWorldDataset second = ConceptWorldDataset.Generate(Small(5));

        foreach (SplitKind kind in Enum.GetValues<SplitKind>())
        {
            Assert.That(second.Split(kind).Scenes.Select(s => s.Scene), Is.EqualTo(first.Split(kind).Scenes.Select(s => s.Scene)));
            Assert.That(second.Split(kind).Samples.Select(s => (s.CaptionId, s.CaptionText)), Is.EqualTo(first.Split(kind).Samples.Select(s => (s.CaptionId, s.CaptionText))));
        }

        Assert.That(second.HeldOutPairs, Is.EqualTo(first.HeldOutPairs));
        Assert.That(second.TestTwins.Select(t => (t.Id, t.Twin, t.Caption, t.TwinCaption)), Is.EqualTo(first.TestTwins.Select(t => (t.Id, t.Twin, t.Caption, t.TwinCaption))));
        for (int i = 0; i < 20; i++)
        {
            Assert.That(Pixels(second.Train.Samples[i]), Is.EqualTo(Pixels(first.Train.Samples[i])));
        }
    }

    [Test]
    public void Rendering_the_same_scene_twice_gives_identical_pixels()
    {
        ConceptWorldSample sample = SmallWorld.Dataset.Test.Samples[3];
        byte[] first = Pixels(sample);
        byte[] second = Pixels(sample);
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Different_seeds_give_different_worlds()
    {
        ConceptWorldDataset first = ConceptWorldDataset.Generate(Small(5));
        ConceptWorldDataset second = ConceptWorldDataset.Generate(Small(6));
        int same = first.Train.Scenes.Zip(second.Train.Scenes).Count(p => p.First.Scene.Equals(p.Second.Scene));
        Assert.That(same, Is.LessThan(3));
        Assert.That(Pixels(second.Train.Samples[0]), Is.Not.EqualTo(Pixels(first.Train.Samples[0])));
    }

    [Test]
    public void Changing_one_split_size_leaves_the_other_splits_unchanged()
    {
        ConceptWorldDataset first = ConceptWorldDataset.Generate(Small(5));
        ConceptWorldDataset second = ConceptWorldDataset.Generate(new ConceptWorldOptions { Seed = 5, TrainSceneCount = 10, ValidationSceneCount = 30, TestSceneCount = 60 });
        Assert.That(second.Test.Scenes.Select(s => s.Scene), Is.EqualTo(first.Test.Scenes.Select(s => s.Scene)));
        Assert.That(second.Train.Scenes.Select(s => s.Scene), Is.EqualTo(first.Train.Scenes.Take(10).Select(s => s.Scene)));
    }

    [Test]
    public void Random_stream_is_fixed_by_its_seed()
    {
        var a = new WorldRandom(42);
        var b = new WorldRandom(42);
        ulong[] fromA = [.. Enumerable.Range(0, 8).Select(_ => a.NextUInt64())];
        ulong[] fromB = [.. Enumerable.Range(0, 8).Select(_ => b.NextUInt64())];
        Assert.That(fromB, Is.EqualTo(fromA));
        Assert.That(new WorldRandom(43).NextUInt64(), Is.Not.EqualTo(fromA[0]));
        Assert.That(WorldRandom.Derive(1, 2, 3), Is.Not.EqualTo(WorldRandom.Derive(1, 3, 2)));
    }

    private static byte[] Pixels(ConceptWorldSample sample)
    {
        using Image<Rgb24> image = sample.RenderImage();
        byte[] bytes = new byte[image.Width * image.Height * 3];
        image.CopyPixelDataTo(bytes);
        return bytes;
    }
}
