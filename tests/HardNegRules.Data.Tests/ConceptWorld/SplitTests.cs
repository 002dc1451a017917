using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.Scenes;

namespace HardNegRules.Data.Tests.ConceptWorld;

public class SplitTests
{
    [Test]
    public void Held_out_pairs_never_appear_in_training_or_validation()
    {
        IReadOnlyList<ColorShapePair> heldOut = SmallWorld.Dataset.HeldOutPairs;
        Assert.That(heldOut, Has.Count.EqualTo(SmallWorld.Options.HeldOutPairCount));
        foreach (WorldScene scene in SmallWorld.Dataset.Train.Scenes.Concat(SmallWorld.Dataset.Validation.Scenes))
        {
            Assert.That(heldOut.Any(scene.Scene.Contains), Is.False, scene.Id);
            Assert.That(scene.HasHeldOutPair, Is.False);
        }
    }

    [Test]
    public void Every_held_out_pair_appears_in_test()
    {
        foreach (ColorShapePair pair in SmallWorld.Dataset.HeldOutPairs)
        {
            Assert.That(SmallWorld.Dataset.Test.Scenes.Count(s => s.Scene.Contains(pair)), Is.GreaterThan(5), pair.ToString());
        }

        double share = SmallWorld.Dataset.Test.Scenes.Average(s => s.HasHeldOutPair ? 1.0 : 0.0);
        Assert.That(share, Is.EqualTo(SmallWorld.Options.HeldOutTestShare).Within(0.08));
    }

    [Test]
    public void Held_out_pairs_use_distinct_colors_and_shapes_and_follow_the_seed()
    {
        IReadOnlyList<ColorShapePair> pairs = HeldOutPairPicker.Pick(SmallWorld.Options);
        Assert.That(pairs.Select(p => p.Color), Is.Unique);
        Assert.That(pairs.Select(p => p.Shape), Is.Unique);
        Assert.That(HeldOutPairPicker.Pick(SmallWorld.Options), Is.EqualTo(pairs));
        IReadOnlyList<ColorShapePair> other = HeldOutPairPicker.Pick(new ConceptWorldOptions { Seed = SmallWorld.Options.Seed + 1 });
        Assert.That(other, Is.Not.EqualTo(pairs));
    }

    [Test]
    public void Every_color_shape_and_size_is_seen_in_training()
    {
        IEnumerable<SceneObject> objects = SmallWorld.Dataset.Train.Scenes.SelectMany(s => s.Scene.Objects);
        Assert.That(objects.Select(o => o.Color).Distinct(), Is.EquivalentTo(Enum.GetValues<ObjectColor>()));
        Assert.That(objects.Select(o => o.Shape).Distinct(), Is.EquivalentTo(Enum.GetValues<ObjectShape>()));
        Assert.That(objects.Select(o => o.Size).Distinct(), Is.EquivalentTo((ObjectSize[])[ObjectSize.Small, ObjectSize.Large]));
    }

    [Test]
    public void Scenes_have_one_to_three_objects_in_distinct_cells()
    {
        int[] counts = [.. SmallWorld.Dataset.Train.Scenes.Select(s => s.Scene.Objects.Count)];
        Assert.That(counts.Distinct(), Is.EquivalentTo((int[])[1, 2, 3]));
        Assert.That(SmallWorld.Dataset.Train.Scenes.All(s => s.Scene.Objects.Select(o => o.Cell).Distinct().Count() == s.Scene.Objects.Count));
    }

    [Test]
    public void Invalid_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConceptWorldDataset.Generate(new ConceptWorldOptions { PositionalCaptionShare = 1.5 }));
        Assert.Throws<ArgumentException>(() => ConceptWorldDataset.Generate(new ConceptWorldOptions { MinObjects = 3, MaxObjects = 2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConceptWorldDataset.Generate(new ConceptWorldOptions { HeldOutPairCount = 11 }));
    }
}
