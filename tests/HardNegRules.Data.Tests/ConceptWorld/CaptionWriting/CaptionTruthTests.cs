using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.CaptionChecking;
using HardNegRules.Data.ConceptWorld.CaptionWriting;
using HardNegRules.Data.ConceptWorld.Scenes;
using HardNegRules.Data.ConceptWorld.Twins;

namespace HardNegRules.Data.Tests.ConceptWorld.CaptionWriting;

public class CaptionTruthTests
{
    private static readonly WorldConcepts[] Attributes = [WorldConcepts.Color, WorldConcepts.Shape, WorldConcepts.Size];

    [Test]
    public void Every_caption_is_true_of_its_scene()
    {
        string[] falseCaptions = [.. SmallWorld.AllSamples
            .Where(s => !CaptionChecker.IsTrueOf(s.CaptionText, s.Scene))
            .Select(s => $"{s.CaptionText} | {s.Scene}")];
        Assert.That(falseCaptions, Is.Empty);
    }

    [Test]
    public void Every_template_is_used()
    {
        CaptionTemplate[] used = [.. SmallWorld.AllSamples.Select(s => s.Caption.Template).Distinct()];
        Assert.That(used, Is.EquivalentTo(Enum.GetValues<CaptionTemplate>()));
    }

    [Test]
    public void Recorded_concepts_are_those_the_caption_text_mentions()
    {
        foreach (ConceptWorldSample sample in SmallWorld.AllSamples)
        {
            Assert.That(CaptionParser.TryParse(sample.CaptionText, out CaptionClaims? claims), Is.True, sample.CaptionText);
            WorldConcepts mentioned = WorldConcepts.Shape;
            mentioned |= claims!.Objects.Any(o => o.Color is not null) ? WorldConcepts.Color : WorldConcepts.None;
            mentioned |= claims.Objects.Any(o => o.Size is not null) ? WorldConcepts.Size : WorldConcepts.None;
            bool positional = claims.Locations.Count > 0 || claims.Relations.Count > 0 || claims.Order != ClaimedOrder.None;
            mentioned |= positional ? WorldConcepts.Location : WorldConcepts.None;
            Assert.That(sample.Concepts, Is.EqualTo(mentioned), sample.CaptionText);
            Assert.That(sample.Caption.IsPositional, Is.EqualTo(positional), sample.CaptionText);
        }
    }

    [TestCase(0.0)]
    [TestCase(0.15)]
    [TestCase(1.0)]
    public void Positional_caption_share_follows_the_setting(double share)
    {
        ConceptWorldDataset world = ConceptWorldDataset.Generate(new ConceptWorldOptions
        {
            Seed = 3,
            TrainSceneCount = 1500,
            ValidationSceneCount = 0,
            TestSceneCount = 0,
            PositionalCaptionShare = share,
        });
        double measured = world.Train.Samples.Average(s => s.Caption.IsPositional ? 1.0 : 0.0);
        Assert.That(measured, Is.EqualTo(share).Within(0.03));
    }

    [Test]
    public void Captions_per_scene_are_distinct_and_ids_unique()
    {
        foreach (WorldScene scene in SmallWorld.Dataset.Train.Scenes)
        {
            Assert.That(scene.Captions.Select(c => c.Text), Is.Unique);
            Assert.That(scene.Captions, Has.Count.InRange(1, SmallWorld.Options.CaptionsPerScene));
        }

        Assert.That(SmallWorld.AllSamples.Select(s => s.CaptionId), Is.Unique);
    }

    [Test]
    public void Swapping_an_attribute_between_two_named_objects_makes_the_caption_false()
    {
        int checkedSwaps = 0;
        foreach (ConceptWorldSample sample in SmallWorld.AllSamples.Where(s => s.Caption.MentionedObjects.Count >= 2))
        {
            IReadOnlyList<int> named = sample.Caption.MentionedObjects;
            foreach (WorldConcepts concept in Attributes.Where(c => sample.Concepts.HasFlag(c)))
            {
                for (int i = 0; i < named.Count; i++)
                {
                    for (int j = i + 1; j < named.Count; j++)
                    {
                        SceneObject a = sample.Scene.Objects[named[i]], b = sample.Scene.Objects[named[j]];

                        // Binding decides truth when the two differ in the swapped attribute and in another named one.
                        bool differsElsewhere = Attributes.Any(o => o != concept && sample.Concepts.HasFlag(o) && !Value(a, o).Equals(Value(b, o)));
                        if (Value(a, concept).Equals(Value(b, concept)) || !differsElsewhere)
                        {
                            continue;
                        }

                        Scene swapped = SwapIndependently(sample.Scene, named[i], named[j], concept);
                        Assert.That(CaptionChecker.IsTrueOf(sample.CaptionText, swapped), Is.False, $"{sample.CaptionText} | {swapped}");
                        checkedSwaps++;
                    }
                }
            }
        }

        Assert.That(checkedSwaps, Is.GreaterThan(1000));
    }

    [Test]
    public void Swapping_the_positions_of_two_uniquely_described_objects_makes_a_relation_caption_false()
    {
        int checkedSwaps = 0;
        foreach (ConceptWorldSample sample in SmallWorld.AllSamples.Where(s => s.Caption.Template is CaptionTemplate.Relation or CaptionTemplate.CountedRelation or CaptionTemplate.LeftToRight or CaptionTemplate.TopToBottom))
        {
            Assert.That(CaptionParser.TryParse(sample.CaptionText, out CaptionClaims? claims), Is.True);
            bool unique = claims!.Objects.All(d => sample.Scene.Objects.Count(d.Matches) == 1);
            if (!unique)
            {
                continue;
            }

            IReadOnlyList<int> named = sample.Caption.MentionedObjects;
            Scene swapped = SwapIndependently(sample.Scene, named[0], named[1], WorldConcepts.Location);
            Assert.That(CaptionChecker.IsTrueOf(sample.CaptionText, swapped), Is.False, $"{sample.CaptionText} | {swapped}");
            checkedSwaps++;
        }

        Assert.That(checkedSwaps, Is.GreaterThan(100));
    }

    [Test]
    public void Text_binding_negatives_are_false_of_the_scene_and_keep_the_words()
    {
        int count = 0;
        foreach (ConceptWorldSample sample in SmallWorld.Dataset.Test.Samples)
        {
            foreach (TextNegative negative in sample.BindingNegatives())
            {
                Assert.That(CaptionChecker.IsTrueOf(negative.Text, sample.Scene), Is.False, negative.Text);
                if (negative.Concept != WorldConcepts.Location)
                {
                    // An attribute swap moves words between objects; it neither adds nor drops one.
                    Assert.That(Words(negative.Text), Is.EquivalentTo(Words(sample.CaptionText)), negative.Text);
                }

                count++;
            }
        }

        Assert.That(count, Is.GreaterThan(200));
    }

    private static string[] Words(string text) => text.Split(' ', ',', ':');

    private static object Value(SceneObject item, WorldConcepts concept) => concept switch
    {
        WorldConcepts.Color => item.Color,
        WorldConcepts.Shape => item.Shape,
        WorldConcepts.Size => item.Size,
        _ => item.Cell,
    };

    /// <summary>The test's own swap, so the binding tests do not rest on the library's <see cref="SceneEdits"/>.</summary>
    private static Scene SwapIndependently(Scene scene, int first, int second, WorldConcepts concept)
    {
        SceneObject[] objects = [.. scene.Objects];
        SceneObject a = objects[first], b = objects[second];
        objects[first] = concept switch
        {
            WorldConcepts.Color => a with { Color = b.Color },
            WorldConcepts.Shape => a with { Shape = b.Shape },
            WorldConcepts.Size => a with { Size = b.Size },
            _ => a with { Cell = b.Cell },
        };
        objects[second] = concept switch
        {
            WorldConcepts.Color => b with { Color = a.Color },
            WorldConcepts.Shape => b with { Shape = a.Shape },
            WorldConcepts.Size => b with { Size = a.Size },
            _ => b with { Cell = a.Cell },
        };
        return new Scene(scene.Background, objects);
    }
}
