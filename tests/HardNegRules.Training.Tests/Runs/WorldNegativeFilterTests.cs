using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.CaptionChecking;
using HardNegRules.Data.ConceptWorld.Scenes;
using HardNegRules.Training.Runs;
using HardNegRules.Training.Tests.Support;

namespace HardNegRules.Training.Tests.Runs;

public class WorldNegativeFilterTests
{
    private static readonly Lazy<ConceptWorldDataset> World = new(() => TinyConceptWorld.TwoObjects(seed: 5, trainScenes: 400));

    [Test]
    public void Seen_pairs_are_every_pair_of_the_training_images_and_no_held_out_pair()
    {
        HashSet<ColorShapePair> seen = WorldNegativeFilter.SeenPairs(World.Value.Train);
        Assert.That(World.Value.HeldOutPairs, Is.Not.Empty);
        Assert.That(seen.Overlaps(World.Value.HeldOutPairs), Is.False);
        Assert.That(World.Value.Train.Samples.SelectMany(s => s.Scene.Objects).All(o => seen.Contains(new ColorShapePair(o.Color, o.Shape))));
    }

    [Test]
    public void A_negative_naming_a_held_out_pair_is_dropped_only_when_seen_pairs_are_required()
    {
        ConceptWorldSample sample = World.Value.Train.Samples[0];
        ColorShapePair heldOut = World.Value.HeldOutPairs[0];
        SceneObject first = sample.Scene.Objects[0];
        string negative = $"a {heldOut} and a {new ColorShapePair(first.Color, first.Shape)}";
        Assert.That(CaptionChecker.IsTrueOf(negative, sample.Scene), Is.False, "a held-out pair is in no training scene");

        Func<string, string, bool> seenOnly = WorldNegativeFilter.Create(World.Value.Train, falseOfScene: true, seenPairsOnly: true)!;
        Func<string, string, bool> falseOnly = WorldNegativeFilter.Create(World.Value.Train, falseOfScene: true, seenPairsOnly: false)!;
        Assert.That(seenOnly(sample.CaptionId, negative), Is.False);
        Assert.That(falseOnly(sample.CaptionId, negative), Is.True);
    }

    [Test]
    public void A_false_negative_of_seen_pairs_is_kept_and_a_true_one_dropped()
    {
        Func<string, string, bool> filter = WorldNegativeFilter.Create(World.Value.Train, falseOfScene: true, seenPairsOnly: true)!;
        int kept = 0;
        int dropped = 0;
        foreach (ConceptWorldSample sample in World.Value.Train.Samples.Take(300))
        {
            foreach (string negative in sample.BindingNegatives().Select(n => n.Text))
            {
                bool held = CaptionParser.TryParse(negative, out CaptionClaims? claims)
                    && claims.Objects.Any(o => o.Color is { } c && World.Value.HeldOutPairs.Contains(new ColorShapePair(c, o.Shape)));
                Assert.That(filter(sample.CaptionId, negative), Is.EqualTo(!held), negative);
                _ = held ? dropped++ : kept++;
            }
            Assert.That(filter(sample.CaptionId, sample.CaptionText), Is.False, "the caption itself is true of its scene");
        }
        Assert.That(kept, Is.GreaterThan(100));
        Assert.That(dropped, Is.GreaterThan(0), "some swaps of training captions make a held-out pair");
    }

    [Test]
    public void No_filter_when_nothing_is_asked() =>
        Assert.That(WorldNegativeFilter.Create(World.Value.Train, falseOfScene: false, seenPairsOnly: false), Is.Null);
}
