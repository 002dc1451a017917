using HardNegRules.Data.ConceptWorld;

namespace HardNegRules.Training.Presets;

/// <summary>The <c>data:</c> section: which concept world to generate.</summary>
public sealed record DataPreset
{
    /// <summary>The data set; only <c>concept-world</c> is built in.</summary>
    public string World { get; init; } = "concept-world";

    /// <summary>The world's seed (scenes, captions, twins).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Image side in pixels; the model's image size.</summary>
    public int ImageSize { get; init; } = 64;

    /// <summary>Training scenes.</summary>
    public int TrainScenes { get; init; } = 10_000;

    /// <summary>Test scenes (evaluation).</summary>
    public int TestScenes { get; init; } = 500;

    /// <summary>Captions per scene.</summary>
    public int CaptionsPerScene { get; init; } = 3;

    /// <summary>Share of captions that state location (see WORLD.md).</summary>
    public double PositionalCaptionShare { get; init; } = 0.15;

    /// <summary>The world's generation options.</summary>
    /// <returns>Options with no validation split (the experiment does not use one).</returns>
    public ConceptWorldOptions ToWorldOptions() => new()
    {
        Seed = Seed,
        ImageSize = ImageSize,
        TrainSceneCount = TrainScenes,
        ValidationSceneCount = 0,
        TestSceneCount = TestScenes,
        CaptionsPerScene = CaptionsPerScene,
        PositionalCaptionShare = PositionalCaptionShare,
    };
}
