using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.Scenes;
using HardNegRules.Data.ConceptWorld.Twins;
using HardNegRules.Training.Evaluation.Probes;
using HardNegRules.Training.Tokenization;

namespace HardNegRules.Training.Tests.Evaluation.Probes;

public class BindingProbeTests : TorchTestBase
{
    private const int Dimension = 48;
    private static readonly ObjectColor[] Colors = [ObjectColor.Red, (ObjectColor)1, (ObjectColor)2, (ObjectColor)3];
    private static readonly ObjectShape[] Shapes = [ObjectShape.Circle, ObjectShape.Square, ObjectShape.Triangle, ObjectShape.Star];

    /// <summary>Scenes of two objects with distinct colors and distinct shapes, and their color-swap twins.</summary>
    private static (Scene[] Train, (Scene Original, Scene Twin)[] Twins) SyntheticWorld(int seed)
    {
        var random = new Random(seed);
        Scene Draw()
        {
            int[] colors = [.. Colors.Select((_, i) => i).OrderBy(_ => random.Next()).Take(2)];
            int[] shapes = [.. Shapes.Select((_, i) => i).OrderBy(_ => random.Next()).Take(2)];
            return new Scene(default, [
                new SceneObject(Shapes[shapes[0]], Colors[colors[0]], ObjectSize.Small, new GridCell(0, 0), 0, 0),
                new SceneObject(Shapes[shapes[1]], Colors[colors[1]], ObjectSize.Small, new GridCell(2, 2), 0, 0),
            ]);
        }
        Scene[] train = [.. Enumerable.Range(0, 600).Select(_ => Draw())];
        (Scene, Scene)[] twins = [.. Enumerable.Range(0, 200).Select(_ =>
        {
            Scene original = Draw();
            SceneObject first = original.Objects[0];
            SceneObject second = original.Objects[1];
            Scene twin = original.WithObject(0, first with { Color = second.Color }).WithObject(1, second with { Color = first.Color });
            return (original, twin);
        })];
        return (train, twins);
    }

    private static float[] RandomVector(Random random) =>
        [.. Enumerable.Range(0, Dimension).Select(_ => (float)((random.NextDouble() * 2) - 1))];

    /// <summary>Each color-shape conjunction has its own direction: binding is linearly present by construction.</summary>
    private static Func<IReadOnlyList<Scene>, float[][]> ConjunctionEmbedding()
    {
        var random = new Random(11);
        float[][] directions = [.. Enumerable.Range(0, ConjunctionLabels.Count).Select(_ => RandomVector(random))];
        var noise = new Random(12);
        return scenes => [.. scenes.Select(scene =>
        {
            float[] sum = [.. Enumerable.Range(0, Dimension).Select(_ => (float)(0.1 * noise.NextDouble()))];
            foreach (SceneObject item in scene.Objects)
            {
                float[] direction = directions[ConjunctionLabels.Of(item)];
                for (int d = 0; d < Dimension; d++)
                {
                    sum[d] += direction[d];
                }
            }
            return sum;
        })];
    }

    /// <summary>A bag of colors plus a bag of shapes: a scene and its binding twin embed identically.</summary>
    private static Func<IReadOnlyList<Scene>, float[][]> BagEmbedding()
    {
        var random = new Random(13);
        float[][] colors = [.. Enum.GetValues<ObjectColor>().Select(_ => RandomVector(random))];
        float[][] shapes = [.. Enum.GetValues<ObjectShape>().Select(_ => RandomVector(random))];
        return scenes => [.. scenes.Select(scene =>
        {
            var sum = new float[Dimension];
            foreach (SceneObject item in scene.Objects)
            {
                for (int d = 0; d < Dimension; d++)
                {
                    sum[d] += colors[(int)item.Color][d] + shapes[(int)item.Shape][d];
                }
            }
            return sum;
        })];
    }

    [Test]
    public void The_probe_tells_twins_apart_when_the_embedding_encodes_conjunctions()
    {
        (Scene[] train, (Scene, Scene)[] twins) = SyntheticWorld(seed: 5);

        double accuracy = BindingProbe.Accuracy(ConjunctionEmbedding(), train, twins, new BindingProbeOptions());

        Assert.That(accuracy, Is.GreaterThanOrEqualTo(0.9));
    }

    [Test]
    public void The_probe_is_at_chance_when_the_embedding_is_a_bag_of_colors_and_shapes()
    {
        (Scene[] train, (Scene, Scene)[] twins) = SyntheticWorld(seed: 5);

        double accuracy = BindingProbe.Accuracy(BagEmbedding(), train, twins, new BindingProbeOptions());

        // Both scenes of a twin embed identically, so at most one of its two decisions can be right.
        Assert.That(accuracy, Is.InRange(0.4, 0.5));
    }

    [Test]
    public void Measure_probes_both_towers_of_a_model_on_the_worlds_binding_twins_reproducibly()
    {
        using var model = new ClipModel(TinyConceptWorld.Model, seed: 3);
        ClipTokenizer tokenizer = ClipTokenizer.Create();
        var options = new BindingProbeOptions { Steps = 50 };

        BindingProbeResult first = BindingProbe.Measure(model, tokenizer, TinyConceptWorld.World, options);
        BindingProbeResult second = BindingProbe.Measure(model, tokenizer, TinyConceptWorld.World, options);

        int expectedTwins = TinyConceptWorld.World.Twins(TwinKind.Binding, WorldConcepts.Color).Count
            + TinyConceptWorld.World.Twins(TwinKind.Binding, WorldConcepts.Shape).Count;
        Assert.Multiple(() =>
        {
            Assert.That(first.TwinCount, Is.GreaterThan(0).And.LessThanOrEqualTo(expectedTwins));
            Assert.That(first.TrainSceneCount, Is.EqualTo(TinyConceptWorld.World.Train.Scenes.Count));
            Assert.That(first.ImageAccuracy, Is.InRange(0.0, 1.0));
            Assert.That(first.TextAccuracy, Is.InRange(0.0, 1.0));
            Assert.That(second, Is.EqualTo(first));
        });
    }

    [Test]
    public void Full_captions_name_every_object_with_color_and_shape_in_the_given_order()
    {
        var scene = new Scene(default, [
            new SceneObject(ObjectShape.Circle, ObjectColor.Red, ObjectSize.Small, new GridCell(0, 0), 0, 0),
            new SceneObject(ObjectShape.Square, Colors[1], ObjectSize.Large, new GridCell(1, 0), 0, 0),
            new SceneObject(ObjectShape.Star, Colors[2], ObjectSize.Small, new GridCell(2, 0), 0, 0),
        ]);
        string red = WorldVocabulary.ColorWord(ObjectColor.Red);
        string second = WorldVocabulary.ColorWord(Colors[1]);
        string third = WorldVocabulary.ColorWord(Colors[2]);

        string caption = FullCaption.Write(scene, [2, 0, 1]);

        Assert.That(caption, Is.EqualTo(
            $"{WorldVocabulary.IndefiniteArticle(third)} {third} star, {WorldVocabulary.IndefiniteArticle(red)} {red} circle and {WorldVocabulary.IndefiniteArticle(second)} {second} square"));
    }

    [Test]
    public void A_probe_refuses_a_label_outside_its_label_space()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            LinearProbe.Fit([[1f, 2f]], [new HashSet<int> { 5 }], labelCount: 4, new BindingProbeOptions { Steps = 1 }))!;

        Assert.That(error.Message, Does.Contain("Row 0 has label 5"));
    }
}
