using HardNegRules.Data.ConceptWorld;

namespace HardNegRules.Training.Presets;

/// <summary>
/// The <c>data:</c> section: the built-in concept world to generate, or real image-caption files to read (COCO,
/// Fashion200K). Paths are kept as written; <see cref="PresetPaths"/> resolves and checks them when they are used.
/// </summary>
public sealed record DataPreset
{
    /// <summary>The generated concept world (the default source).</summary>
    public const string ConceptWorld = "concept-world";

    /// <summary>COCO captions JSON or Karpathy's dataset_coco.json with its image folder.</summary>
    public const string Coco = "coco";

    /// <summary>Fashion200K label files with their image root.</summary>
    public const string Fashion200K = "fashion200k";

    /// <summary>The source names a preset may use.</summary>
    public static IReadOnlyList<string> Sources { get; } = [ConceptWorld, Coco, Fashion200K];

    /// <summary>Where the pairs come from: <see cref="ConceptWorld"/>, <see cref="Coco"/> or <see cref="Fashion200K"/>.</summary>
    public string Source { get; init; } = ConceptWorld;

    /// <summary>Whether the pairs are generated (the concept world) rather than read from files.</summary>
    public bool IsConceptWorld => Source == ConceptWorld;

    /// <summary>The seed of the world (scenes, captions, twins) or of a real data set's held-out split.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Image side in pixels; the model's image size.</summary>
    public int ImageSize { get; init; } = 64;

    /// <summary>coco: the captions file (COCO captions JSON or Karpathy's dataset_coco.json).</summary>
    public string? Captions { get; init; }

    /// <summary>coco: the image folder (COCO) or the folder holding Karpathy's "filepath" folders; fashion200k: the
    /// image root the label files' paths are relative to.</summary>
    public string? Images { get; init; }

    /// <summary>fashion200k: the folder of the <c>*_{train,test}_detect_all.txt</c> label files; null for
    /// <c>labels/</c> under <see cref="Images"/>.</summary>
    public string? Labels { get; init; }

    /// <summary>Real data: use only the first this many training pairs; null for all.</summary>
    public int? MaxSamples { get; init; }

    /// <summary>Real data: where the held-out (evaluation) images come from: <c>file</c> (the file's own split:
    /// Karpathy's test, Fashion200K's test label files), <c>fraction</c> (<see cref="ValidationFraction"/> of the
    /// training images, drawn with <see cref="Seed"/>) or <c>auto</c> (the file's split when it has one).</summary>
    public string HeldOut { get; init; } = "auto";

    /// <summary>The held-out split's names.</summary>
    public static IReadOnlyList<string> HeldOutNames { get; } = ["auto", "file", "fraction"];

    /// <summary>Real data: the share of images held out when the split is drawn (see <see cref="HeldOut"/>).</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>Training scenes.</summary>
    public int TrainScenes { get; init; } = 10_000;

    /// <summary>Test scenes (evaluation).</summary>
    public int TestScenes { get; init; } = 500;

    /// <summary>Captions per scene.</summary>
    public int CaptionsPerScene { get; init; } = 3;

    /// <summary>Share of captions that state location (see docs/world.md).</summary>
    public double PositionalCaptionShare { get; init; } = 0.15;

    /// <summary>The fewest objects in a scene.</summary>
    public int MinObjects { get; init; } = 1;

    /// <summary>The most objects in a scene.</summary>
    public int MaxObjects { get; init; } = Scene.MaxObjects;

    /// <summary>Whether every caption names every object with color and shape (see
    /// <see cref="ConceptWorldOptions.CompleteCaptions"/>).</summary>
    public bool CompleteCaptions { get; init; }

    /// <summary>With complete captions: the share of captions that also state sizes.</summary>
    public double SizeMentionShare { get; init; } = 1.0 / 3;

    /// <summary>Color-shape pairs training never shows (test scenes with them are reported apart); at most one fewer
    /// than the smaller of the color and shape counts.</summary>
    public int HeldOutPairs { get; init; } = 6;

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
        MinObjects = MinObjects,
        MaxObjects = MaxObjects,
        CompleteCaptions = CompleteCaptions,
        SizeMentionShare = SizeMentionShare,
        HeldOutPairCount = HeldOutPairs,
        Shapes = Shapes.Count == 0 ? Enum.GetValues<ObjectShape>() : [.. Shapes.Select(Parse<ObjectShape>)],
        Colors = Colors.Count == 0 ? Enum.GetValues<ObjectColor>() : [.. Colors.Select(Parse<ObjectColor>)],
    };

    private static T Parse<T>(string name) where T : struct, Enum => Enum.Parse<T>(name, ignoreCase: true);
}
