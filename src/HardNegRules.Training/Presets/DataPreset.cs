using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.Scenes;

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

    /// <summary>Karpathy's dataset_coco.json (or dataset_flickr30k.json) with the folder holding its "filepath" folders.</summary>
    public const string Karpathy = "karpathy";

    /// <summary>open_clip's CSV: a header row, an image path column and a caption column (<see cref="ImageColumn"/>,
    /// <see cref="CaptionColumn"/>), comma-separated.</summary>
    public const string Csv = "csv";

    /// <summary>The same table tab-separated (open_clip's default).</summary>
    public const string Tsv = "tsv";

    /// <summary>JSON lines, one image path and caption a line ({"file_name": ..., "caption": ...}).</summary>
    public const string Jsonl = "jsonl";

    /// <summary>An image folder with a captions JSONL in it (captions.jsonl unless <see cref="Captions"/> names another).</summary>
    public const string ImageFolder = "image-folder";

    /// <summary>NegCLIP's training TSV (title, filepath, neg_caption); its negatives can replace the rules'
    /// (<c>rules.source: dataset</c>).</summary>
    public const string NegClip = "negclip";

    /// <summary>InpaintCOCO's parquet files: training uses the original COCO images and captions.</summary>
    public const string InpaintCoco = "inpaintcoco";

    /// <summary>The source names a preset may use.</summary>
    public static IReadOnlyList<string> Sources { get; } = [ConceptWorld, Coco, Karpathy, Fashion200K, Csv, Tsv, Jsonl, ImageFolder, NegClip, InpaintCoco];

    /// <summary>Where the pairs come from: one of <see cref="Sources"/>.</summary>
    public string Source { get; init; } = ConceptWorld;

    /// <summary>Whether the pairs are generated (the concept world) rather than read from files.</summary>
    public bool IsConceptWorld => Source == ConceptWorld;

    /// <summary>The seed of the world (scenes, captions, twins) or of a real data set's held-out split.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Image side in pixels; the model's image size.</summary>
    public int ImageSize { get; init; } = 64;

    /// <summary>The captions file: coco, karpathy: the COCO captions JSON or Karpathy's dataset_coco.json; csv, tsv,
    /// negclip: the table; jsonl and image-folder: the JSON lines; inpaintcoco: the parquet file or its folder.</summary>
    public string? Captions { get; init; }

    /// <summary>The image folder: coco: the COCO image folder; karpathy: the folder holding its "filepath" folders;
    /// fashion200k: the root the label files' paths are relative to; csv, tsv, negclip, jsonl: the folder relative image
    /// paths are taken in (default: the captions file's folder); image-folder: the folder itself.</summary>
    public string? Images { get; init; }

    /// <summary>fashion200k: the folder of the <c>*_{train,test}_detect_all.txt</c> label files; null for
    /// <c>labels/</c> under <see cref="Images"/>.</summary>
    public string? Labels { get; init; }

    /// <summary>Real data: accept absolute image paths in the data files. Off by default: a path in a data file must
    /// stay inside <see cref="Images"/> (links resolved), and one that leaves it is reported and skipped.</summary>
    public bool AllowAbsolutePaths { get; init; }

    /// <summary>csv, tsv, negclip: the header of the image path column (open_clip's <c>--csv-img-key</c>).</summary>
    public string ImageColumn { get; init; } = "filepath";

    /// <summary>csv, tsv, negclip: the header of the caption column (open_clip's <c>--csv-caption-key</c>).</summary>
    public string CaptionColumn { get; init; } = "title";

    /// <summary>Real data: threads that decode a batch's images (in batch order, whatever the thread count);
    /// null for one per core.</summary>
    public int? Workers { get; init; }

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
