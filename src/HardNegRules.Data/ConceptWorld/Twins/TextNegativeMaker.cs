using HardNegRules.Data.ConceptWorld.CaptionChecking;
using HardNegRules.Data.ConceptWorld.CaptionWriting;
using HardNegRules.Data.ConceptWorld.Scenes;

namespace HardNegRules.Data.ConceptWorld.Twins;

/// <summary>
/// Makes text-side binding negatives for the evaluation's text ranking: the caption said of the scene with two named
/// objects' colors, shapes, sizes or positions swapped. The words stay the same (a bag of words cannot tell them
/// apart); each negative is checked false of the scene.
/// </summary>
public static class TextNegativeMaker
{
    /// <summary>The binding negatives of <paramref name="caption"/> for <paramref name="scene"/>, at most one per pair and concept.</summary>
    /// <param name="scene">The scene the caption is true of.</param>
    /// <param name="caption">The caption, written for that scene.</param>
    /// <returns>The negatives; empty when the caption names fewer than two objects or no swap changes its truth.</returns>
    public static IReadOnlyList<TextNegative> BindingNegatives(Scene scene, Caption caption)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(caption);
        var negatives = new List<TextNegative>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { caption.Text };
        IReadOnlyList<int> named = caption.MentionedObjects;
        for (int i = 0; i < named.Count; i++)
        {
            for (int j = i + 1; j < named.Count; j++)
            {
                foreach (WorldConcepts concept in SceneEdits.SingleConcepts.Where(c => caption.Concepts.HasFlag(c)))
                {
                    Scene swapped = SceneEdits.Swap(scene, named[i], named[j], concept);
                    string? text = CaptionPhrasing.Render(caption.Plan, swapped);
                    if (text is not null && seen.Add(text) && !CaptionChecker.IsTrueOf(text, scene))
                    {
                        negatives.Add(new TextNegative(text, concept, named[i], named[j]));
                    }
                }
            }
        }

        return negatives;
    }
}
