using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.CaptionChecking;
using HardNegRules.Data.ConceptWorld.Scenes;

namespace HardNegRules.Training.Runs;

/// <summary>
/// Which rule-made training negatives the concept world lets through: a negative must be false of its scene, and, when
/// asked, name only color-shape pairs that some training image shows. A negative the world's grammar cannot read ("on
/// top of") is kept, as in the evaluation.
/// </summary>
public static class WorldNegativeFilter
{
    /// <summary>A filter over (caption id, negative) for the training split, or null when it would keep everything.</summary>
    /// <param name="train">The world's training split.</param>
    /// <param name="falseOfScene">Drop negatives the world's checker finds true of the caption's scene.</param>
    /// <param name="seenPairsOnly">Drop negatives that name a color-shape pair no training scene holds.</param>
    /// <returns>True for a negative to keep.</returns>
    public static Func<string, string, bool>? Create(ConceptWorldSplit train, bool falseOfScene, bool seenPairsOnly)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (!falseOfScene && !seenPairsOnly)
        {
            return null;
        }
        Dictionary<string, Scene> sceneOf = train.Samples.ToDictionary(s => s.CaptionId, s => s.Scene, StringComparer.Ordinal);
        HashSet<ColorShapePair> seen = seenPairsOnly ? SeenPairs(train) : [];
        return (captionId, negative) =>
        {
            if (!CaptionParser.TryParse(negative, out CaptionClaims? claims))
            {
                return true;
            }
            if (seenPairsOnly && claims.Objects.Any(o => o.Color is { } color && !seen.Contains(new ColorShapePair(color, o.Shape))))
            {
                return false;
            }
            return !falseOfScene || !sceneOf.TryGetValue(captionId, out Scene? scene) || !CaptionChecker.IsTrueOf(claims, scene);
        };
    }

    /// <summary>The color-shape pairs the training images show.</summary>
    /// <param name="train">The training split.</param>
    /// <returns>The pairs.</returns>
    public static HashSet<ColorShapePair> SeenPairs(ConceptWorldSplit train)
    {
        ArgumentNullException.ThrowIfNull(train);
        return [.. train.Samples.SelectMany(s => s.Scene.Objects).Select(o => new ColorShapePair(o.Color, o.Shape))];
    }
}
