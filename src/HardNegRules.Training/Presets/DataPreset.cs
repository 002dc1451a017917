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

    /// <summary>The shapes scenes use (lower-case names, e.g. circle, ring); empty for all of the world's.</summary>
    public IReadOnlyList<string> Shapes { get; init; } = [];

    /// <summary>The colors scenes use (lower-case names); empty for all of the world's.</summary>
    public IReadOnlyList<string> Colors { get; init; } = [];

    /// <summary>Every shape name the world knows, for validating <see cref="Shapes"/>.</summary>
    public static IReadOnlyList<string> ShapeNames { get; } = [.. Enum.GetNames<ObjectShape>().Select(n => n.ToLowerInvariant())];

    /// <summary>Every color name the world knows, for validating <see cref="Colors"/>.</summary>
    public static IReadOnlyList<string> ColorNames { get; } = [.. Enum.GetNames<ObjectColor>().Select(n => n.ToLowerInvariant())];

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
        Shapes = Shapes.Count == 0 ? Enum.GetValues<ObjectShape>() : [.. Shapes.Select(Parse<ObjectShape>)],
        Colors = Colors.Count == 0 ? Enum.GetValues<ObjectColor>() : [.. Colors.Select(Parse<ObjectColor>)],
    };

    private static T Parse<T>(string name) where T : struct, Enum => Enum.Parse<T>(name, ignoreCase: true);
}
