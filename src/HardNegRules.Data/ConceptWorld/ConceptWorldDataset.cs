using HardNegRules.Data.ConceptWorld.CaptionWriting;
using HardNegRules.Data.ConceptWorld.Scenes;
using HardNegRules.Data.ConceptWorld.Twins;

namespace HardNegRules.Data.ConceptWorld;

/// <summary>
/// A generated concept world: train, validation and test splits of captioned scenes, the held-out color-shape pairs,
/// and twins of the test scenes. Everything is a function of <see cref="ConceptWorldOptions"/>; scene i of a split
/// uses its own random streams, so changing one split's size leaves the other splits' scenes unchanged.
/// </summary>
public sealed class ConceptWorldDataset
{
    private const ulong SceneStream = 1;
    private const ulong CaptionStream = 2;
    private const ulong TwinStream = 3;

    private ConceptWorldDataset(
        ConceptWorldOptions options,
        IReadOnlyList<ColorShapePair> heldOutPairs,
        ConceptWorldSplit train,
        ConceptWorldSplit validation,
        ConceptWorldSplit test,
        IReadOnlyList<SceneTwin> testTwins)
    {
        Options = options;
        HeldOutPairs = heldOutPairs;
        Train = train;
        Validation = validation;
        Test = test;
        TestTwins = testTwins;
    }

    /// <summary>The options the world was generated from.</summary>
    public ConceptWorldOptions Options { get; }

    /// <summary>The color-shape pairs never shown in training or validation (see <see cref="HeldOutPairPicker"/>).</summary>
    public IReadOnlyList<ColorShapePair> HeldOutPairs { get; }

    /// <summary>The training split.</summary>
    public ConceptWorldSplit Train { get; }

    /// <summary>The validation split.</summary>
    public ConceptWorldSplit Validation { get; }

    /// <summary>The test split.</summary>
    public ConceptWorldSplit Test { get; }

    /// <summary>Twins of the test scenes, all kinds and concepts.</summary>
    public IReadOnlyList<SceneTwin> TestTwins { get; }

    /// <summary>The split of the given kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The split.</returns>
    public ConceptWorldSplit Split(SplitKind kind) => kind switch
    {
        SplitKind.Train => Train,
        SplitKind.Validation => Validation,
        SplitKind.Test => Test,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown split."),
    };

    /// <summary>The test twins of one kind and concept, for reporting them separately.</summary>
    /// <param name="kind">Replace or binding.</param>
    /// <param name="concept">Color, shape, size or location.</param>
    /// <returns>The twins.</returns>
    public IReadOnlyList<SceneTwin> Twins(TwinKind kind, WorldConcepts concept) =>
        [.. TestTwins.Where(t => t.Kind == kind && t.Concept == concept)];

    /// <summary>Generates a world.</summary>
    /// <param name="options">The options (validated here).</param>
    /// <returns>The world.</returns>
    public static ConceptWorldDataset Generate(ConceptWorldOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        IReadOnlyList<ColorShapePair> heldOut = HeldOutPairPicker.Pick(options);
        var sampler = new SceneSampler(options, heldOut);
        var writer = new CaptionWriter(options.PositionalCaptionShare, options.CompleteCaptions, options.SizeMentionShare);
        ConceptWorldSplit train = GenerateSplit(SplitKind.Train, options.TrainSceneCount, options, sampler, writer, heldOut);
        ConceptWorldSplit validation = GenerateSplit(SplitKind.Validation, options.ValidationSceneCount, options, sampler, writer, heldOut);
        ConceptWorldSplit test = GenerateSplit(SplitKind.Test, options.TestSceneCount, options, sampler, writer, heldOut);

        var twinMaker = new TwinMaker(options, heldOut);
        SceneTwin[] twins = [.. test.Scenes.SelectMany((s, i) =>
            twinMaker.MakeTwins(s.Scene, StreamFor(options, SplitKind.Test, TwinStream, i), s.Id))];
        return new ConceptWorldDataset(options, heldOut, train, validation, test, twins);
    }

    private static ConceptWorldSplit GenerateSplit(
        SplitKind kind, int count, ConceptWorldOptions options, SceneSampler sampler, CaptionWriter writer, IReadOnlyList<ColorShapePair> heldOut)
    {
        string name = kind.ToString().ToLowerInvariant();
        var scenes = new WorldScene[count];
        for (int i = 0; i < count; i++)
        {
            WorldRandom sceneRandom = StreamFor(options, kind, SceneStream, i);
            HeldOutRule rule = kind == SplitKind.Test && sceneRandom.NextBool(options.HeldOutTestShare) ? HeldOutRule.Require : HeldOutRule.Forbid;
            Scene scene = sampler.Sample(sceneRandom, rule);
            string id = $"{name}/{i:D6}";
            IReadOnlyList<Caption> captions = writer.Write(scene, options.CaptionsPerScene, StreamFor(options, kind, CaptionStream, i), id);
            scenes[i] = new WorldScene(id, scene, captions, heldOut.Any(scene.Contains));
        }

        return new ConceptWorldSplit(kind, scenes, options.ImageSize);
    }

    private static WorldRandom StreamFor(ConceptWorldOptions options, SplitKind kind, ulong stream, int index) =>
        new(WorldRandom.Derive(options.Seed, ((ulong)kind * 16) + stream, (ulong)index));
}
