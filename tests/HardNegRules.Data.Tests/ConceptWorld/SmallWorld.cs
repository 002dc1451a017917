using HardNegRules.Data.ConceptWorld;

namespace HardNegRules.Data.Tests.ConceptWorld;

/// <summary>One small world shared by the tests: generation is deterministic, so sharing it cannot couple tests.</summary>
internal static class SmallWorld
{
    public static ConceptWorldOptions Options { get; } = new()
    {
        Seed = 20240811,
        TrainSceneCount = 2000,
        ValidationSceneCount = 200,
        TestSceneCount = 400,
        PositionalCaptionShare = 0.3,
    };

    private static readonly Lazy<ConceptWorldDataset> Lazy = new(() => ConceptWorldDataset.Generate(Options));

    public static ConceptWorldDataset Dataset => Lazy.Value;

    public static IEnumerable<ConceptWorldSample> AllSamples =>
        Dataset.Train.Samples.Concat(Dataset.Validation.Samples).Concat(Dataset.Test.Samples);
}
