namespace HardNegRules.Data.ConceptWorld.Scenes;

/// <summary>Draws random scene graphs under a world's options and a rule about held-out color-shape pairs.</summary>
public sealed class SceneSampler
{
    private readonly ConceptWorldOptions _options;
    private readonly IReadOnlyList<ObjectSize> _sizes;
    private readonly HashSet<ColorShapePair> _heldOut;
    private readonly ColorShapePair[] _heldOutList;

    /// <summary>Creates a sampler.</summary>
    /// <param name="options">The world's options (validated by the caller).</param>
    /// <param name="heldOutPairs">The pairs training must never show.</param>
    public SceneSampler(ConceptWorldOptions options, IReadOnlyList<ColorShapePair> heldOutPairs)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(heldOutPairs);
        _options = options;
        _sizes = options.Sizes();
        _heldOut = [.. heldOutPairs];
        _heldOutList = [.. heldOutPairs];
    }

    /// <summary>Samples a scene.</summary>
    /// <param name="random">The scene's own random stream.</param>
    /// <param name="heldOut">Whether held-out pairs are forbidden, allowed, or required (at least one object).</param>
    /// <returns>The scene.</returns>
    public Scene Sample(WorldRandom random, HeldOutRule heldOut)
    {
        ArgumentNullException.ThrowIfNull(random);
        SceneBackground background = SampleBackground(random);
        int count = random.NextInt(_options.MinObjects, _options.MaxObjects);
        int[] cells = [.. Enumerable.Range(0, GridCell.Extent * GridCell.Extent)];
        random.Shuffle(cells);

        var objects = new List<SceneObject>(count);
        int required = heldOut == HeldOutRule.Require && _heldOutList.Length > 0 ? random.NextInt(count) : -1;
        for (int i = 0; i < count; i++)
        {
            ColorShapePair pair = i == required ? random.Pick(_heldOutList) : SamplePair(random, objects, heldOut);
            objects.Add(new SceneObject(
                pair.Shape,
                pair.Color,
                random.Pick(_sizes),
                GridCell.FromIndex(cells[i]),
                random.NextSigned(),
                random.NextSigned()));
        }

        return new Scene(background, objects);
    }

    private ColorShapePair SamplePair(WorldRandom random, List<SceneObject> placed, HeldOutRule heldOut)
    {
        // Two objects with the same color and shape would make a description ambiguous and a binding swap a no-op.
        while (true)
        {
            var pair = new ColorShapePair(random.Pick(_options.Colors), random.Pick(_options.Shapes));
            bool forbidden = heldOut != HeldOutRule.Allow && _heldOut.Contains(pair);
            if (!forbidden && !placed.Exists(o => o.Has(pair)))
            {
                return pair;
            }
        }
    }

    private SceneBackground SampleBackground(WorldRandom random)
    {
        int shift = _options.BackgroundShift;
        return new SceneBackground(
            (BackgroundTone)random.NextInt(Enum.GetValues<BackgroundTone>().Length),
            random.NextInt(-shift, shift),
            random.NextInt(-shift, shift),
            random.NextInt(-shift, shift),
            random.NextSigned() * 12f,
            random.NextSigned() * 12f,
            _options.NoiseAmplitude,
            random.NextUInt64());
    }
}
