using HardNegRules.Data.ConceptWorld.CaptionWriting;
using HardNegRules.Training.Datasets;

namespace HardNegRules.Training.Tests.Datasets;

public class PermuterNegativeSourceTests
{
    private static readonly IPermuter World = Permuters.Get("concept-world");
    private const string Caption = "a small red circle to the left of a large blue square";

    [Test]
    public void Negatives_are_the_permuters_for_the_seed_of_run_caption_and_epoch()
    {
        var source = new PermuterNegativeSource(World, runSeed: 7);

        IReadOnlyList<string> drawn = source.Negatives(Caption, "train/000003/1", epoch: 2, k: 3);

        string[] expected = [.. World.Permute(Caption, 3, NegativeSeed.For(7, "train/000003/1", 2)).Select(n => n.Text)];
        Assert.That(drawn, Is.EqualTo(expected));
        Assert.That(drawn, Has.Count.EqualTo(3));
    }

    [Test]
    public void The_same_seed_id_and_epoch_give_the_same_negatives_and_other_epochs_other_ones()
    {
        var source = new PermuterNegativeSource(World, runSeed: 7);
        var again = new PermuterNegativeSource(World, runSeed: 7);
        string[] ids = [.. Enumerable.Range(0, 20).Select(i => $"train/{i:D6}/0")];

        Assert.That(ids.Select(id => source.Negatives(Caption, id, 0, 2)), Is.EqualTo(ids.Select(id => again.Negatives(Caption, id, 0, 2))));
        Assert.That(ids.Count(id => !source.Negatives(Caption, id, 0, 2).SequenceEqual(source.Negatives(Caption, id, 1, 2))),
            Is.GreaterThan(0), "a new epoch draws anew");
        Assert.That(ids.Count(id => !source.Negatives(Caption, id, 0, 2).SequenceEqual(new PermuterNegativeSource(World, 8).Negatives(Caption, id, 0, 2))),
            Is.GreaterThan(0), "another run seed draws anew");
    }

    [Test]
    public void Kind_and_concepts_restrict_the_negatives()
    {
        var swaps = new PermuterNegativeSource(World, 1, ["color"], NegativeKind.Swap);
        var locations = new PermuterNegativeSource(World, 1, ["location"], NegativeKind.Replace);

        IReadOnlyList<HardNegative> swapped = swaps.Draw(Caption, "id", 0, 5);
        IReadOnlyList<HardNegative> moved = locations.Draw(Caption, "id", 0, 5);

        Assert.That(swapped.Select(n => n.Text), Is.EquivalentTo(new[] { "a small blue circle to the left of a large red square" }));
        Assert.That(moved, Is.Not.Empty);
        Assert.That(moved.Select(n => (n.Concept, n.Kind)), Has.All.EqualTo(("location", NegativeKind.Replace)));
    }

    [Test]
    public void Concept_weights_decide_which_concepts_negatives_change()
    {
        var weights = new Dictionary<string, double> { ["color"] = 0, ["shape"] = 0, ["size"] = 0, ["location"] = 1 };
        var source = new PermuterNegativeSource(World, 3, conceptWeights: weights);

        IReadOnlyList<HardNegative> drawn = source.Draw(Caption, "id", 0, 3);
        IReadOnlyList<HardNegative> unweighted = new PermuterNegativeSource(World, 3).Draw(Caption, "id", 0, 3);

        Assert.That(drawn, Is.Not.Empty);
        Assert.That(drawn.Select(n => n.Concept), Has.All.EqualTo("location"));
        Assert.That(unweighted.Select(n => n.Concept), Has.Some.Not.EqualTo("location"), "without weights other concepts come");
        Assert.That(source.Draw(Caption, "id", 0, 3), Is.EqualTo(drawn), "the weighted choice is seeded too");
    }

    [Test]
    public void An_unknown_concept_fails_at_construction()
    {
        Assert.Throws<ArgumentException>(() => _ = new PermuterNegativeSource(World, 1, ["texture"]));
        Assert.Throws<ArgumentException>(() => _ = new PermuterNegativeSource(World, 1,
            conceptWeights: new Dictionary<string, double> { ["texture"] = 2 }));
    }

    [Test]
    public void Swap_share_decides_between_swaps_and_replacements()
    {
        var onlySwaps = new PermuterNegativeSource(World, 5, swapShare: 1);
        var noSwaps = new PermuterNegativeSource(World, 5, swapShare: 0);

        IReadOnlyList<HardNegative> swapsFirst = onlySwaps.Draw(Caption, "id", 0, 5);
        IReadOnlyList<HardNegative> replacements = noSwaps.Draw(Caption, "id", 0, 3);
        int swapsAvailable = new PermuterNegativeSource(World, 5, kind: NegativeKind.Swap).Draw(Caption, "id", 0, 64).Count;

        Assert.That(swapsAvailable, Is.InRange(1, 4), "two objects that differ in color, size and shape: one swap each");
        Assert.That(swapsFirst.Take(swapsAvailable).Select(n => n.Kind), Has.All.EqualTo(NegativeKind.Swap));
        Assert.That(swapsFirst.Skip(swapsAvailable).Select(n => n.Kind), Has.All.EqualTo(NegativeKind.Replace),
            "once the swaps are spent, replacements fill the rest");
        Assert.That(swapsFirst, Has.Count.EqualTo(5));
        Assert.That(replacements.Select(n => n.Kind), Has.All.EqualTo(NegativeKind.Replace));
        Assert.That(onlySwaps.Draw(Caption, "id", 0, 5), Is.EqualTo(swapsFirst), "seeded");
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new PermuterNegativeSource(World, 5, swapShare: 1.5));
    }
}
