using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.CaptionChecking;
using HardNegRules.Data.ConceptWorld.Scenes;
using HardNegRules.Training.Datasets;
using HardNegRules.Training.Runs;

namespace HardNegRules.Training.Tests.Datasets;

/// <summary>
/// What the rule pack's training negatives are on the experiment's world: with swap share 1 nearly every complete
/// caption of two objects gets a swap (the bag of words kept, the caption made false), and swaps reach every concept.
/// </summary>
public class SwapCoverageTests
{
    private static readonly IPermuter World = Permuters.Get("concept-world");
    private static readonly string[] Concepts = ["color", "shape", "size", "location"];

    private static ConceptWorldDataset Generate(bool complete, int minObjects, int maxObjects) => ConceptWorldDataset.Generate(new ConceptWorldOptions
    {
        Seed = 1,
        ImageSize = 48,
        TrainSceneCount = 1000,
        ValidationSceneCount = 0,
        TestSceneCount = 0,
        MinObjects = minObjects,
        MaxObjects = maxObjects,
        CompleteCaptions = complete,
        PositionalCaptionShare = 0.15,
        Shapes = [ObjectShape.Circle, ObjectShape.Square, ObjectShape.Triangle, ObjectShape.Star, ObjectShape.Heart, ObjectShape.Cross, ObjectShape.Diamond, ObjectShape.Ring],
    });

    [Test]
    public void Swap_share_one_gives_a_swap_for_nearly_every_complete_caption_and_the_world_check_keeps_only_false_ones()
    {
        ConceptWorldDataset world = Generate(complete: true, 2, 2);
        Dictionary<string, Scene> sceneOf = world.Train.Samples.ToDictionary(s => s.CaptionId, s => s.Scene, StringComparer.Ordinal);
        var unchecked_ = new PermuterNegativeSource(World, 42, Concepts, swapShare: 1.0);
        var checked_ = new PermuterNegativeSource(World, 42, Concepts, swapShare: 1.0,
            keep: (id, text) => IsFalseOf(text, sceneOf[id]));
        (double swaps, double falseOnes, Dictionary<string, int> byConcept) Measure(PermuterNegativeSource source)
        {
            int swaps = 0, falseOnes = 0;
            var byConcept = Concepts.ToDictionary(c => c, _ => 0, StringComparer.Ordinal);
            foreach (ConceptWorldSample sample in world.Train.Samples)
            {
                HardNegative negative = source.Draw(sample.CaptionText, sample.CaptionId, 0, 1).Single();
                falseOnes += IsFalseOf(negative.Text, sample.Scene) ? 1 : 0;
                if (negative.Kind == NegativeKind.Swap)
                {
                    swaps++;
                    byConcept[negative.Concept]++;
                }
            }
            int n = world.Train.Samples.Count;
            TestContext.Out.WriteLine($"{(double)swaps / n:P1} swaps, {(double)falseOnes / n:P1} false of the scene; swaps by concept: " +
                string.Join(", ", byConcept.Select(p => $"{p.Key} {p.Value}")));
            return ((double)swaps / n, (double)falseOnes / n, byConcept);
        }

        (double rawSwaps, double rawFalse, _) = Measure(unchecked_);
        (double swaps, double falseOnes, Dictionary<string, int> byConcept) = Measure(checked_);

        Assert.That(rawSwaps, Is.GreaterThan(0.95), "without the check nearly every caption gets a swap...");
        Assert.That(rawFalse, Is.LessThan(0.95), "...but some say the same as the caption (two objects share the swapped value)");
        Assert.That(falseOnes, Is.EqualTo(1.0), "with the check every negative is false of its scene (or outside its grammar)");
        Assert.That(swaps, Is.GreaterThan(0.85), "and a swap remains for the captions that allow one");
        Assert.That(new[] { byConcept["color"], byConcept["shape"], byConcept["size"] }, Has.All.GreaterThan(0));
    }

    [Test]
    public void Without_the_seen_pairs_filter_some_swaps_name_a_held_out_pair_and_with_it_none_do()
    {
        ConceptWorldDataset world = Generate(complete: true, 2, 2);
        var heldOut = new HashSet<ColorShapePair>(world.HeldOutPairs);
        double HeldOutShare(Func<string, string, bool>? keep)
        {
            var source = new PermuterNegativeSource(World, 42, Concepts, swapShare: 1.0, keep: keep);
            int named = world.Train.Samples.Count(sample => NamesAny(source.Draw(sample.CaptionText, sample.CaptionId, 0, 1).Single().Text, heldOut));
            return (double)named / world.Train.Samples.Count;
        }

        double falseOnly = HeldOutShare(WorldNegativeFilter.Create(world.Train, falseOfScene: true, seenPairsOnly: false));
        double seenOnly = HeldOutShare(WorldNegativeFilter.Create(world.Train, falseOfScene: true, seenPairsOnly: true));
        TestContext.Out.WriteLine($"negatives naming a held-out pair: {falseOnly:P1} false-only, {seenOnly:P1} with seen pairs only");
        Assert.That(falseOnly, Is.GreaterThan(0.03), "a swap often makes a pair that training never shows");
        Assert.That(seenOnly, Is.Zero);
    }

    private static bool NamesAny(string text, HashSet<ColorShapePair> pairs) =>
        CaptionParser.TryParse(text, out CaptionClaims? claims) && claims.Objects.Any(o => o.Color is { } c && pairs.Contains(new ColorShapePair(c, o.Shape)));

    private static bool IsFalseOf(string text, Scene scene) =>
        !CaptionParser.TryParse(text, out CaptionClaims? claims) || !CaptionChecker.IsTrueOf(claims, scene);

    [Test]
    public void The_sparse_world_demands_binding_far_less_often_than_the_complete_one()
    {
        ConceptWorldDataset sparse = Generate(complete: false, 1, 3);
        ConceptWorldDataset complete = Generate(complete: true, 2, 2);
        double sparseBinding = sparse.Train.Samples.Average(s => s.BindingNegatives().Count > 0 ? 1.0 : 0.0);
        double completeBinding = complete.Train.Samples.Average(s => s.BindingNegatives().Count > 0 ? 1.0 : 0.0);
        double sparseSingle = sparse.Train.Samples.Average(s => s.Caption.MentionedObjects.Count == 1 ? 1.0 : 0.0);
        double sparseObjects = sparse.Train.Scenes.Average(s => s.Scene.Objects.Count);
        TestContext.Out.WriteLine($"sparse: {sparseObjects:0.00} objects per scene, {sparseSingle:P1} captions name one object, " +
            $"{sparseBinding:P1} allow a binding swap; complete: {completeBinding:P1}");
        Assert.That(sparseBinding, Is.LessThan(0.6));
        Assert.That(completeBinding, Is.GreaterThan(0.85));
    }
}
