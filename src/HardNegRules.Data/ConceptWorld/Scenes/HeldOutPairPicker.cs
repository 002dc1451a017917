namespace HardNegRules.Data.ConceptWorld.Scenes;

/// <summary>Chooses the color-shape pairs held out of training, deterministically from the seed.</summary>
public static class HeldOutPairPicker
{
    /// <summary>Stream label so the choice is independent of scene sampling.</summary>
    private const ulong StreamLabel = 0x48454C44; // "HELD"

    /// <summary>
    /// Picks <see cref="ConceptWorldOptions.HeldOutPairCount"/> pairs with distinct colors and distinct shapes: a
    /// shuffled matching of colors to shapes. Distinctness keeps every color and shape frequent in training, so a
    /// failure on a held-out pair is a failure to compose, not an unseen word.
    /// </summary>
    /// <param name="options">The world's options.</param>
    /// <returns>The pairs, ordered by color then shape.</returns>
    public static IReadOnlyList<ColorShapePair> Pick(ConceptWorldOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new WorldRandom(WorldRandom.Derive(options.Seed, StreamLabel));
        List<ObjectColor> colors = [.. options.Colors];
        List<ObjectShape> shapes = [.. options.Shapes];
        random.Shuffle(colors);
        random.Shuffle(shapes);
        return [.. Enumerable.Range(0, options.HeldOutPairCount)
            .Select(i => new ColorShapePair(colors[i], shapes[i]))
            .OrderBy(p => p.Color)
            .ThenBy(p => p.Shape)];
    }
}
