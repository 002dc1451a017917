using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.CaptionChecking;
using HardNegRules.Data.ConceptWorld.CaptionWriting;

namespace HardNegRules.Data.Tests.ConceptWorld.CaptionWriting;

public class CompleteCaptionTests
{
    private static readonly Lazy<ConceptWorldDataset> TwoObjects = new(() => ConceptWorldDataset.Generate(new ConceptWorldOptions
    {
        Seed = 11,
        ImageSize = 48,
        TrainSceneCount = 1500,
        ValidationSceneCount = 0,
        TestSceneCount = 200,
        MinObjects = 2,
        MaxObjects = 2,
        CompleteCaptions = true,
        SizeMentionShare = 1.0 / 3,
        PositionalCaptionShare = 0.15,
    }));

    private static IEnumerable<ConceptWorldSample> Samples => TwoObjects.Value.Train.Samples.Concat(TwoObjects.Value.Test.Samples);

    [Test]
    public void Every_scene_has_exactly_the_set_number_of_objects()
    {
        Assert.That(TwoObjects.Value.Train.Scenes.Concat(TwoObjects.Value.Test.Scenes).Select(s => s.Scene.Objects.Count).Distinct(),
            Is.EqualTo(new[] { 2 }));
    }

    [Test]
    public void Every_complete_caption_names_every_object_with_color_and_shape_and_is_true()
    {
        foreach (ConceptWorldSample sample in Samples)
        {
            Assert.That(sample.Caption.MentionedObjects, Is.EquivalentTo(new[] { 0, 1 }), sample.CaptionText);
            Assert.That(sample.Concepts.HasFlag(WorldConcepts.Color), Is.True, sample.CaptionText);
            Assert.That(CaptionParser.TryParse(sample.CaptionText, out CaptionClaims? claims), Is.True, sample.CaptionText);
            Assert.That(claims!.Objects, Has.Count.EqualTo(2), sample.CaptionText);
            Assert.That(claims.Objects.All(o => o.Color is not null), Is.True, sample.CaptionText);
            Assert.That(CaptionChecker.IsTrueOf(sample.CaptionText, sample.Scene), Is.True, sample.CaptionText);
        }
    }

    [Test]
    public void Sizes_and_positions_are_stated_in_their_set_shares_and_positional_captions_name_both_objects()
    {
        ConceptWorldSample[] samples = [.. TwoObjects.Value.Train.Samples];
        Assert.That(samples.Average(s => s.Concepts.HasFlag(WorldConcepts.Size) ? 1.0 : 0.0), Is.EqualTo(1.0 / 3).Within(0.04));
        Assert.That(samples.Average(s => s.Caption.IsPositional ? 1.0 : 0.0), Is.EqualTo(0.15).Within(0.03));
        Assert.That(samples.Where(s => s.Caption.IsPositional).Select(s => s.Caption.Template).Distinct(),
            Is.SubsetOf(new[] { CaptionTemplate.Relation, CaptionTemplate.CountedRelation, CaptionTemplate.LeftToRight, CaptionTemplate.TopToBottom }));
    }

    [Test]
    public void Nearly_every_complete_caption_of_two_objects_allows_a_binding_swap()
    {
        // A swap makes the caption false only when the two objects differ in the swapped value and in another named one:
        // a red circle and a red square allow none (swapping shapes describes the same scene). With 11 colors and 10
        // shapes about 1 pair in 5 shares a color or a shape, and a stated size or position rescues some of those.
        double share = TwoObjects.Value.Train.Samples.Average(s => s.BindingNegatives().Count > 0 ? 1.0 : 0.0);
        TestContext.Out.WriteLine($"complete two-object captions with a binding negative: {share:P1}");
        Assert.That(share, Is.GreaterThan(0.85));
    }

    [Test]
    public void Without_complete_captions_the_world_is_unchanged_by_the_new_options()
    {
        var options = new ConceptWorldOptions { Seed = 5, TrainSceneCount = 200, ValidationSceneCount = 0, TestSceneCount = 0 };
        ConceptWorldDataset before = ConceptWorldDataset.Generate(options);
        ConceptWorldDataset after = ConceptWorldDataset.Generate(new ConceptWorldOptions
        {
            Seed = 5, TrainSceneCount = 200, ValidationSceneCount = 0, TestSceneCount = 0, SizeMentionShare = 0.9,
        });
        Assert.That(after.Train.Samples.Select(s => s.CaptionText), Is.EqualTo(before.Train.Samples.Select(s => s.CaptionText)));
        Assert.That(before.Train.Samples.Count(s => s.Caption.MentionedObjects.Count < s.Scene.Objects.Count), Is.GreaterThan(0),
            "the default world keeps captions that name only some objects");
    }

    [TestCase(0)]
    [TestCase(-0.1)]
    [TestCase(1.5)]
    public void An_out_of_range_size_share_is_rejected(double share)
    {
        var options = new ConceptWorldOptions { SizeMentionShare = share };
        if (share is >= 0 and <= 1)
        {
            Assert.DoesNotThrow(options.Validate);
        }
        else
        {
            Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        }
    }
}
