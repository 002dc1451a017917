using HardNegRules.Data.ConceptWorld.CaptionChecking;
using HardNegRules.Data.ConceptWorld.CaptionWriting;
using HardNegRules.Data.ConceptWorld.Scenes;

namespace HardNegRules.Data.ConceptWorld.Twins;

/// <summary>
/// Makes twins of test scenes: one per kind and concept where the scene allows it, each with a caption that tells the
/// two apart in both directions (checked with <see cref="CaptionChecker"/>; a twin no caption separates is dropped).
/// </summary>
public sealed class TwinMaker
{
    private static readonly NounDetail[] AllDetails =
        [NounDetail.Shape, NounDetail.ColorShape, NounDetail.SizeShape, NounDetail.SizeColorShape];

    private readonly ConceptWorldOptions _options;
    private readonly IReadOnlyList<ColorShapePair> _heldOut;

    /// <summary>Creates a twin maker.</summary>
    /// <param name="options">The world's options: the colors, shapes and sizes a replacement may use.</param>
    /// <param name="heldOutPairs">The held-out pairs, to flag twins that show one.</param>
    public TwinMaker(ConceptWorldOptions options, IReadOnlyList<ColorShapePair> heldOutPairs)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(heldOutPairs);
        _options = options;
        _heldOut = heldOutPairs;
    }

    /// <summary>All twins of <paramref name="scene"/>: replace and binding, for each concept the scene allows.</summary>
    /// <param name="scene">The original scene.</param>
    /// <param name="random">The scene's twin stream.</param>
    /// <param name="idPrefix">The scene's id; the twin's kind and concept are appended.</param>
    /// <returns>The twins, replace first, concepts in <see cref="SceneEdits.SingleConcepts"/> order.</returns>
    public IReadOnlyList<SceneTwin> MakeTwins(Scene scene, WorldRandom random, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(random);
        var twins = new List<SceneTwin>();
        foreach (TwinKind kind in Enum.GetValues<TwinKind>())
        {
            foreach (WorldConcepts concept in SceneEdits.SingleConcepts)
            {
                SceneTwin? twin = kind == TwinKind.Replace
                    ? MakeReplaceTwin(scene, concept, random, idPrefix)
                    : MakeBindingTwin(scene, concept, random, idPrefix);
                if (twin is not null)
                {
                    twins.Add(twin);
                }
            }
        }

        return twins;
    }

    /// <summary>A twin in which one object's <paramref name="concept"/> takes a value no object of the scene has.</summary>
    /// <param name="scene">The original.</param>
    /// <param name="concept">Color, shape, size, or location (a move to an empty cell).</param>
    /// <param name="random">The random stream.</param>
    /// <param name="idPrefix">The scene's id.</param>
    /// <returns>The twin, or null when no absent value exists or no caption separates the two scenes.</returns>
    public SceneTwin? MakeReplaceTwin(Scene scene, WorldConcepts concept, WorldRandom random, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(random);
        int index = random.NextInt(scene.Objects.Count);
        SceneObject item = scene.Objects[index];
        SceneObject? changed = concept switch
        {
            WorldConcepts.Color => PickAbsent(_options.Colors, scene.Objects.Select(o => o.Color), random) is ObjectColor c ? item with { Color = c } : null,
            WorldConcepts.Shape => PickAbsent(_options.Shapes, scene.Objects.Select(o => o.Shape), random) is ObjectShape s ? item with { Shape = s } : null,
            WorldConcepts.Size => PickAbsent(_options.Sizes(), scene.Objects.Select(o => o.Size), random) is ObjectSize z ? item with { Size = z } : null,
            WorldConcepts.Location => PickAbsent(
                Enumerable.Range(0, GridCell.Extent * GridCell.Extent).Select(GridCell.FromIndex).ToArray(),
                scene.Objects.Select(o => o.Cell),
                random) is GridCell cell ? item with { Cell = cell } : null,
            _ => throw new ArgumentOutOfRangeException(nameof(concept), concept, "One of color, shape, size, location."),
        };
        if (changed is null)
        {
            return null;
        }

        Scene twin = scene.WithObject(index, changed);
        return Separate(scene, twin, TwinKind.Replace, concept, [index], ReplaceCandidates(scene, index, concept), idPrefix);
    }

    /// <summary>A twin in which two objects swap their <paramref name="concept"/>, keeping the bag of words.</summary>
    /// <param name="scene">The original.</param>
    /// <param name="concept">Color, shape, size or location.</param>
    /// <param name="random">The random stream.</param>
    /// <param name="idPrefix">The scene's id.</param>
    /// <returns>The twin, or null when no pair can swap or no caption separates the two scenes.</returns>
    public SceneTwin? MakeBindingTwin(Scene scene, WorldConcepts concept, WorldRandom random, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(random);
        List<(int First, int Second)> pairs = [.. SwappablePairs(scene, concept)];
        if (pairs.Count == 0)
        {
            return null;
        }

        (int first, int second) = random.Pick(pairs);
        if (random.NextBool(0.5))
        {
            (first, second) = (second, first);
        }

        Scene twin = SceneEdits.Swap(scene, first, second, concept);
        return Separate(scene, twin, TwinKind.Binding, concept, [first, second], BindingCandidates(scene, first, second, concept), idPrefix);
    }

    /// <summary>
    /// Pairs whose swap changes the scene as a set of objects: they differ in the concept and, for attributes, also in
    /// another attribute. Swapping the colors of a red and a blue circle of one size would only move the objects, a
    /// location change in disguise.
    /// </summary>
    private static IEnumerable<(int First, int Second)> SwappablePairs(Scene scene, WorldConcepts concept)
    {
        WorldConcepts[] attributes = [WorldConcepts.Color, WorldConcepts.Shape, WorldConcepts.Size];
        for (int i = 0; i < scene.Objects.Count; i++)
        {
            for (int j = i + 1; j < scene.Objects.Count; j++)
            {
                SceneObject a = scene.Objects[i], b = scene.Objects[j];
                bool differs = !SceneEdits.ValueOf(a, concept).Equals(SceneEdits.ValueOf(b, concept));
                bool differsElsewhere = concept == WorldConcepts.Location
                    || attributes.Any(other => other != concept && !SceneEdits.ValueOf(a, other).Equals(SceneEdits.ValueOf(b, other)));
                if (differs && differsElsewhere)
                {
                    yield return (i, j);
                }
            }
        }
    }

    private static IEnumerable<CaptionPlan> ReplaceCandidates(Scene scene, int index, WorldConcepts concept)
    {
        NounDetail[] details = DetailsNaming(concept);
        foreach (NounDetail detail in details)
        {
            if (concept != WorldConcepts.Location)
            {
                yield return new CaptionPlan(CaptionTemplate.SingleObject, [index], detail);
            }

            foreach (LocationPhraseKind kind in Enum.GetValues<LocationPhraseKind>().Skip(1))
            {
                yield return new CaptionPlan(CaptionTemplate.ObjectAt, [index], detail, kind);
            }
        }

        foreach (CaptionPlan plan in PairAndWholeSceneCandidates(scene, index, details))
        {
            yield return plan;
        }
    }

    private static IEnumerable<CaptionPlan> BindingCandidates(Scene scene, int first, int second, WorldConcepts concept)
    {
        NounDetail[] details = DetailsNaming(concept);
        if (concept != WorldConcepts.Location)
        {
            foreach (NounDetail detail in details)
            {
                yield return new CaptionPlan(CaptionTemplate.ObjectList, [first, second], detail);
            }
        }

        foreach (NounDetail detail in details)
        {
            foreach (RelationAxis axis in Enum.GetValues<RelationAxis>())
            {
                yield return new CaptionPlan(CaptionTemplate.Relation, [first, second], detail, Axis: axis);
            }
        }

        foreach (CaptionPlan plan in PairAndWholeSceneCandidates(scene, first, details))
        {
            yield return plan;
        }
    }

    private static IEnumerable<CaptionPlan> PairAndWholeSceneCandidates(Scene scene, int index, NounDetail[] details)
    {
        int[] all = [.. Enumerable.Range(0, scene.Objects.Count)];
        foreach (NounDetail detail in details)
        {
            foreach (int other in all.Where(o => o != index))
            {
                foreach (RelationAxis axis in Enum.GetValues<RelationAxis>())
                {
                    yield return new CaptionPlan(CaptionTemplate.Relation, [index, other], detail, Axis: axis);
                }
            }

            yield return new CaptionPlan(CaptionTemplate.CountedList, all, detail);
            yield return new CaptionPlan(CaptionTemplate.LeftToRight, all, detail);
            yield return new CaptionPlan(CaptionTemplate.TopToBottom, all, detail);
        }
    }

    /// <summary>Noun details that name the concept (all of them for location, which the template states).</summary>
    private static NounDetail[] DetailsNaming(WorldConcepts concept) => concept switch
    {
        WorldConcepts.Color => [NounDetail.ColorShape, NounDetail.SizeColorShape],
        WorldConcepts.Size => [NounDetail.SizeShape, NounDetail.SizeColorShape],
        WorldConcepts.Shape => [NounDetail.ColorShape, NounDetail.SizeShape, NounDetail.Shape, NounDetail.SizeColorShape],
        _ => [NounDetail.ColorShape, NounDetail.Shape, NounDetail.SizeShape, NounDetail.SizeColorShape],
    };

    private SceneTwin? Separate(
        Scene original, Scene twin, TwinKind kind, WorldConcepts concept, int[] changed, IEnumerable<CaptionPlan> candidates, string idPrefix)
    {
        foreach (CaptionPlan plan in candidates)
        {
            string? caption = CaptionPhrasing.Render(plan, original);
            string? twinCaption = CaptionPhrasing.Render(plan, twin);
            if (caption is null || twinCaption is null)
            {
                continue;
            }

            if (CaptionChecker.IsTrueOf(caption, original) && !CaptionChecker.IsTrueOf(caption, twin)
                && CaptionChecker.IsTrueOf(twinCaption, twin) && !CaptionChecker.IsTrueOf(twinCaption, original))
            {
                bool heldOut = _heldOut.Any(p => original.Contains(p) || twin.Contains(p));
                string id = $"{idPrefix}/{kind.ToString().ToLowerInvariant()}-{concept.ToString().ToLowerInvariant()}";
                return new SceneTwin(id, original, twin, kind, concept, changed, caption, twinCaption, heldOut);
            }
        }

        return null;
    }

    private static T? PickAbsent<T>(IReadOnlyList<T> values, IEnumerable<T> present, WorldRandom random)
        where T : struct
    {
        var used = new HashSet<T>(present);
        T[] absent = [.. values.Where(v => !used.Contains(v))];
        return absent.Length == 0 ? null : random.Pick(absent);
    }
}
