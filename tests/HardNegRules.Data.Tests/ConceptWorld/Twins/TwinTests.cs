using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.CaptionChecking;
using HardNegRules.Data.ConceptWorld.Rendering;
using HardNegRules.Data.ConceptWorld.Scenes;
using HardNegRules.Data.ConceptWorld.Twins;

namespace HardNegRules.Data.Tests.ConceptWorld.Twins;

public class TwinTests
{
    private static IReadOnlyList<SceneTwin> Twins => SmallWorld.Dataset.TestTwins;

    [Test]
    public void Every_kind_and_concept_has_twins()
    {
        foreach (TwinKind kind in Enum.GetValues<TwinKind>())
        {
            foreach (WorldConcepts concept in (WorldConcepts[])[WorldConcepts.Color, WorldConcepts.Shape, WorldConcepts.Size, WorldConcepts.Location])
            {
                Assert.That(SmallWorld.Dataset.Twins(kind, concept), Has.Count.GreaterThan(40), $"{kind} {concept}");
            }
        }
    }

    [Test]
    public void A_twin_differs_from_its_original_in_exactly_its_concept()
    {
        foreach (SceneTwin twin in Twins)
        {
            Assert.That(twin.Twin.Background, Is.EqualTo(twin.Original.Background));
            Assert.That(twin.Twin.Objects, Has.Count.EqualTo(twin.Original.Objects.Count));
            WorldConcepts changed = WorldConcepts.None;
            for (int i = 0; i < twin.Original.Objects.Count; i++)
            {
                SceneObject before = twin.Original.Objects[i], after = twin.Twin.Objects[i];
                changed |= before.Color != after.Color ? WorldConcepts.Color : WorldConcepts.None;
                changed |= before.Shape != after.Shape ? WorldConcepts.Shape : WorldConcepts.None;
                changed |= before.Size != after.Size ? WorldConcepts.Size : WorldConcepts.None;
                bool moved = before.Cell != after.Cell || before.JitterX != after.JitterX || before.JitterY != after.JitterY;
                changed |= moved ? WorldConcepts.Location : WorldConcepts.None;
            }

            Assert.That(changed, Is.EqualTo(twin.Concept), twin.Id);
            int changedObjects = twin.Original.Objects.Zip(twin.Twin.Objects).Count(p => p.First != p.Second);
            Assert.That(changedObjects, Is.EqualTo(twin.Kind == TwinKind.Replace ? 1 : 2), twin.Id);
        }
    }

    [Test]
    public void Replace_twins_use_a_value_absent_from_the_scene()
    {
        foreach (SceneTwin twin in Twins.Where(t => t.Kind == TwinKind.Replace))
        {
            int index = twin.ChangedObjects.Single();
            SceneObject after = twin.Twin.Objects[index];
            IEnumerable<SceneObject> before = twin.Original.Objects;
            bool absent = twin.Concept switch
            {
                WorldConcepts.Color => before.All(o => o.Color != after.Color),
                WorldConcepts.Shape => before.All(o => o.Shape != after.Shape),
                WorldConcepts.Size => before.All(o => o.Size != after.Size),
                _ => before.All(o => o.Cell != after.Cell),
            };
            Assert.That(absent, Is.True, twin.Id);
        }
    }

    [Test]
    public void Binding_twins_keep_the_bag_of_values()
    {
        foreach (SceneTwin twin in Twins.Where(t => t.Kind == TwinKind.Binding))
        {
            Assert.That(twin.Twin.Objects.Select(o => o.Color), Is.EquivalentTo(twin.Original.Objects.Select(o => o.Color)), twin.Id);
            Assert.That(twin.Twin.Objects.Select(o => o.Shape), Is.EquivalentTo(twin.Original.Objects.Select(o => o.Shape)), twin.Id);
            Assert.That(twin.Twin.Objects.Select(o => o.Size), Is.EquivalentTo(twin.Original.Objects.Select(o => o.Size)), twin.Id);
            Assert.That(twin.Twin.Objects.Select(o => o.Cell), Is.EquivalentTo(twin.Original.Objects.Select(o => o.Cell)), twin.Id);

            // Not a disguised move: the set of (color, shape, size) objects changes unless the concept is location.
            var before = twin.Original.Objects.Select(o => (o.Color, o.Shape, o.Size)).ToHashSet();
            bool sameObjects = before.SetEquals(twin.Twin.Objects.Select(o => (o.Color, o.Shape, o.Size)));
            Assert.That(sameObjects, Is.EqualTo(twin.Concept == WorldConcepts.Location), twin.Id);
        }
    }

    [Test]
    public void Twin_captions_separate_the_two_scenes_both_ways()
    {
        foreach (SceneTwin twin in Twins)
        {
            Assert.That(CaptionChecker.IsTrueOf(twin.Caption, twin.Original), Is.True, twin.Caption);
            Assert.That(CaptionChecker.IsTrueOf(twin.Caption, twin.Twin), Is.False, twin.Caption);
            Assert.That(CaptionChecker.IsTrueOf(twin.TwinCaption, twin.Twin), Is.True, twin.TwinCaption);
            Assert.That(CaptionChecker.IsTrueOf(twin.TwinCaption, twin.Original), Is.False, twin.TwinCaption);
        }
    }

    [Test]
    public void Binding_twin_captions_use_the_same_words_for_attribute_swaps()
    {
        foreach (SceneTwin twin in Twins.Where(t => t.Kind == TwinKind.Binding && t.Concept != WorldConcepts.Location))
        {
            Assert.That(twin.TwinCaption.Split(' '), Is.EquivalentTo(twin.Caption.Split(' ')), twin.Id);
        }
    }

    [Test]
    public void Twin_images_differ_from_their_originals()
    {
        foreach (SceneTwin twin in Twins.Take(40))
        {
            float[] original = SceneRenderer.RenderNormalizedChw(twin.Original, 64);
            float[] changed = SceneRenderer.RenderNormalizedChw(twin.Twin, 64);
            Assert.That(changed, Is.Not.EqualTo(original), twin.Id);
        }
    }
}
