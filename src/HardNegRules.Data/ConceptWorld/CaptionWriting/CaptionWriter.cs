using HardNegRules.Data.ConceptWorld.Scenes;

namespace HardNegRules.Data.ConceptWorld.CaptionWriting;

/// <summary>
/// Writes varied captions that are true of a scene. A set share of them state location; the rest name objects only.
/// Captions that name two or more objects name the same attributes of each, so the binding of attribute to object is
/// what makes them true: swapping two named objects' colors makes "a red circle and a blue square" false. With complete
/// captions every caption names every object of the scene with color and shape (and size in a set share), so every
/// caption of a scene of two or more objects states a binding.
/// </summary>
public sealed class CaptionWriter
{
    // Templates repeated to weight them: lists, which test binding, are the most common captions of several objects.
    private static readonly CaptionTemplate[] SingleObjectTemplates =
        [CaptionTemplate.SingleObject, CaptionTemplate.ThereIs, CaptionTemplate.CountedList];

    private static readonly CaptionTemplate[] SeveralObjectTemplates =
    [
        CaptionTemplate.SingleObject, CaptionTemplate.ThereIs, CaptionTemplate.ObjectList, CaptionTemplate.ObjectList,
        CaptionTemplate.PictureOf, CaptionTemplate.CountedList, CaptionTemplate.CountedList,
    ];

    private static readonly NounDetail[] SingleNounDetails =
        [NounDetail.Shape, NounDetail.ColorShape, NounDetail.ColorShape, NounDetail.SizeShape, NounDetail.SizeColorShape, NounDetail.SizeColorShape];

    // A list of bare shapes would bind nothing, so several nouns always carry a color or a size.
    private static readonly NounDetail[] ListNounDetails =
        [NounDetail.ColorShape, NounDetail.ColorShape, NounDetail.SizeShape, NounDetail.SizeColorShape, NounDetail.SizeColorShape];

    private static readonly LocationPhraseKind[] LocationKinds =
        [LocationPhraseKind.Column, LocationPhraseKind.Row, LocationPhraseKind.Corner, LocationPhraseKind.Center];

    private static readonly CaptionTemplate[] CompleteTemplates =
        [CaptionTemplate.ObjectList, CaptionTemplate.PictureOf, CaptionTemplate.CountedList];

    private static readonly CaptionTemplate[] CompleteSingleTemplates =
        [CaptionTemplate.SingleObject, CaptionTemplate.ThereIs, CaptionTemplate.CountedList];

    private readonly double _positionalShare;
    private readonly bool _complete;
    private readonly double _sizeShare;

    /// <summary>Creates a writer.</summary>
    /// <param name="positionalCaptionShare">The probability (0 to 1) that a caption states location.</param>
    /// <param name="completeCaptions">Whether every caption names every object with color and shape.</param>
    /// <param name="sizeMentionShare">With complete captions: the probability (0 to 1) that a caption also states sizes.</param>
    public CaptionWriter(double positionalCaptionShare, bool completeCaptions = false, double sizeMentionShare = 1.0 / 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(positionalCaptionShare);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(positionalCaptionShare, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegative(sizeMentionShare);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sizeMentionShare, 1.0);
        _positionalShare = positionalCaptionShare;
        _complete = completeCaptions;
        _sizeShare = sizeMentionShare;
    }

    /// <summary>Writes up to <paramref name="count"/> distinct captions of <paramref name="scene"/>.</summary>
    /// <param name="scene">The scene.</param>
    /// <param name="count">How many captions to aim for.</param>
    /// <param name="random">The scene's caption stream.</param>
    /// <param name="idPrefix">Prefix of the caption ids; the caption's index is appended after a slash.</param>
    /// <returns>The captions, at least one.</returns>
    public IReadOnlyList<Caption> Write(Scene scene, int count, WorldRandom random, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(random);
        var captions = new List<Caption>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // Duplicates are drawn again; small scenes have few distinct captions, so the attempts are capped.
        for (int attempt = 0; attempt < 8 * count && captions.Count < count; attempt++)
        {
            CaptionPlan plan = PlanCaption(scene, random.NextBool(_positionalShare), random);
            string text = CaptionPhrasing.Render(plan, scene)
                ?? throw new InvalidOperationException($"Plan {plan.Template} is not expressible for scene {scene}.");
            if (seen.Add(text))
            {
                captions.Add(new Caption($"{idPrefix}/{captions.Count}", text, plan));
            }
        }

        return captions;
    }

    /// <summary>A plan that <see cref="CaptionPhrasing.Render"/> can express for <paramref name="scene"/>.</summary>
    internal CaptionPlan PlanCaption(Scene scene, bool positional, WorldRandom random) => _complete
        ? PlanComplete(scene, positional, random)
        : positional ? PlanPositional(scene, random) : PlanObjectsOnly(scene, random);

    /// <summary>A plan that names every object with color and shape, and size with the set share.</summary>
    private CaptionPlan PlanComplete(Scene scene, bool positional, WorldRandom random)
    {
        IReadOnlyList<SceneObject> objects = scene.Objects;
        int n = objects.Count;
        NounDetail detail = random.NextBool(_sizeShare) ? NounDetail.SizeColorShape : NounDetail.ColorShape;
        List<int> order = ShuffledIndices(n, random);
        if (positional)
        {
            // Only templates that name every object: one object at its place, two in a relation, or an ordered list.
            var templates = new List<CaptionTemplate>();
            if (n == 1)
            {
                templates.AddRange([CaptionTemplate.ObjectAt, CaptionTemplate.ThereIsAt]);
            }
            if (n == 2)
            {
                templates.AddRange([CaptionTemplate.Relation, CaptionTemplate.CountedRelation]);
            }
            if (n >= 2 && objects.Select(o => o.Cell.Column).Distinct().Count() == n)
            {
                templates.Add(CaptionTemplate.LeftToRight);
            }
            if (n >= 2 && objects.Select(o => o.Cell.Row).Distinct().Count() == n)
            {
                templates.Add(CaptionTemplate.TopToBottom);
            }
            if (templates.Count > 0)
            {
                CaptionTemplate template = random.Pick(templates);
                switch (template)
                {
                    case CaptionTemplate.ObjectAt:
                    case CaptionTemplate.ThereIsAt:
                    {
                        LocationPhraseKind[] kinds =
                            [.. LocationKinds.Where(k => CaptionPhrasing.LocationPhrase(objects[0].Cell, k) is not null)];
                        return new CaptionPlan(template, [0], detail, random.Pick(kinds));
                    }

                    case CaptionTemplate.Relation:
                    case CaptionTemplate.CountedRelation:
                    {
                        GridCell first = objects[order[0]].Cell, second = objects[order[1]].Cell;
                        RelationAxis[] axes =
                            [.. Enum.GetValues<RelationAxis>().Where(a => CaptionPhrasing.RelationWords(first, second, a) is not null)];
                        return new CaptionPlan(template, order, detail, Axis: random.Pick(axes));
                    }

                    default:
                        return new CaptionPlan(template, order, detail);
                }
            }
        }

        // Three or more objects on no common row or column order fall back to a list: it still names them all.
        return new CaptionPlan(random.Pick(n == 1 ? CompleteSingleTemplates : CompleteTemplates), order, detail);
    }

    private static CaptionPlan PlanObjectsOnly(Scene scene, WorldRandom random)
    {
        int n = scene.Objects.Count;
        CaptionTemplate template = random.Pick(n == 1 ? SingleObjectTemplates : SeveralObjectTemplates);
        switch (template)
        {
            case CaptionTemplate.ObjectList:
            case CaptionTemplate.PictureOf:
            {
                List<int> order = ShuffledIndices(n, random);
                int named = random.NextInt(2, n);
                return new CaptionPlan(template, order[..named], random.Pick(ListNounDetails));
            }

            case CaptionTemplate.CountedList:
                return new CaptionPlan(template, ShuffledIndices(n, random), random.Pick(n == 1 ? SingleNounDetails : ListNounDetails));
            default:
                return new CaptionPlan(template, [random.NextInt(n)], random.Pick(SingleNounDetails));
        }
    }

    private static CaptionPlan PlanPositional(Scene scene, WorldRandom random)
    {
        IReadOnlyList<SceneObject> objects = scene.Objects;
        int n = objects.Count;
        var templates = new List<CaptionTemplate> { CaptionTemplate.ObjectAt, CaptionTemplate.ThereIsAt };
        if (n >= 2)
        {
            templates.AddRange([CaptionTemplate.Relation, CaptionTemplate.Relation, n == 2 ? CaptionTemplate.CountedRelation : CaptionTemplate.Relation]);
            if (objects.Select(o => o.Cell.Column).Distinct().Count() == n)
            {
                templates.AddRange([CaptionTemplate.LeftToRight, CaptionTemplate.LeftToRight]);
            }

            if (objects.Select(o => o.Cell.Row).Distinct().Count() == n)
            {
                templates.Add(CaptionTemplate.TopToBottom);
            }
        }

        CaptionTemplate template = random.Pick(templates);
        switch (template)
        {
            case CaptionTemplate.ObjectAt:
            case CaptionTemplate.ThereIsAt:
            {
                int index = random.NextInt(n);
                LocationPhraseKind[] kinds =
                    [.. LocationKinds.Where(k => CaptionPhrasing.LocationPhrase(objects[index].Cell, k) is not null)];
                return new CaptionPlan(template, [index], random.Pick(SingleNounDetails), random.Pick(kinds));
            }

            case CaptionTemplate.Relation:
            case CaptionTemplate.CountedRelation:
            {
                List<int> order = ShuffledIndices(n, random);
                GridCell first = objects[order[0]].Cell, second = objects[order[1]].Cell;
                RelationAxis[] axes =
                    [.. Enum.GetValues<RelationAxis>().Where(a => CaptionPhrasing.RelationWords(first, second, a) is not null)];
                return new CaptionPlan(template, order[..2], random.Pick(ListNounDetails), Axis: random.Pick(axes));
            }

            default:
                return new CaptionPlan(template, ShuffledIndices(n, random), random.Pick(ListNounDetails));
        }
    }

    private static List<int> ShuffledIndices(int count, WorldRandom random)
    {
        List<int> indices = [.. Enumerable.Range(0, count)];
        random.Shuffle(indices);
        return indices;
    }
}
