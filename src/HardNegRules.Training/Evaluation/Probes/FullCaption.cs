using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.Scenes;

namespace HardNegRules.Training.Evaluation.Probes;

/// <summary>
/// The text side's probe input: a caption that names every object of a scene with its color and shape
/// ("a red circle, a blue square and a green star"), in an order drawn from a seed so that position in the sentence
/// carries no label.
/// </summary>
public static class FullCaption
{
    /// <summary>The caption of <paramref name="scene"/>, naming its objects in the order <paramref name="order"/> gives.</summary>
    /// <param name="scene">The scene.</param>
    /// <param name="order">A permutation of the scene's object indices.</param>
    /// <returns>The caption.</returns>
    public static string Write(Scene scene, IReadOnlyList<int> order)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(order);
        string[] phrases = [.. order.Select(i => Phrase(scene.Objects[i]))];
        return phrases.Length == 1
            ? phrases[0]
            : $"{string.Join(", ", phrases[..^1])} and {phrases[^1]}";
    }

    /// <summary>A seeded permutation of <paramref name="count"/> object indices.</summary>
    /// <param name="count">The number of objects.</param>
    /// <param name="random">The source of the order.</param>
    /// <returns>The permutation.</returns>
    public static int[] Order(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        int[] order = [.. Enumerable.Range(0, count)];
        random.Shuffle(order);
        return order;
    }

    private static string Phrase(SceneObject item)
    {
        string color = WorldVocabulary.ColorWord(item.Color);
        return $"{WorldVocabulary.IndefiniteArticle(color)} {color} {WorldVocabulary.ShapeWord(item.Shape)}";
    }
}
