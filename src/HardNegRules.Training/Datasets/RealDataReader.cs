using System.Text;
using System.Text.RegularExpressions;
using HardNegRules.Data.Loaders;
using HardNegRules.IO;
using HardNegRules.Training.Evaluation.InpaintCoco;
using HardNegRules.Training.Presets;

namespace HardNegRules.Training.Datasets;

/// <summary>
/// Reads the pairs of a real-data preset (any <c>data.source</c> but the concept world) and splits them into training
/// and held-out pairs. Captions and image paths are held (InpaintCOCO's images, which live inside its parquet files,
/// as encoded bytes); images are decoded later, a batch at a time.
/// </summary>
public static partial class RealDataReader
{
    /// <summary>Reads the preset's data set.</summary>
    /// <param name="preset">A preset whose data source is not the concept world.</param>
    /// <param name="report">Where skipped records are reported; null for a new report.</param>
    /// <returns>The splits.</returns>
    /// <exception cref="PresetException">A path is missing, or the held-out split cannot be made.</exception>
    public static RealDataSplits Read(Preset preset, DataLoadReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(preset);
        report ??= new DataLoadReport();
        DataPreset data = preset.Data;
        Dictionary<string, IReadOnlyList<string>>? negatives = null;
        (List<ImageCaptionPair> train, List<ImageCaptionPair> heldOut, string from) = data.Source switch
        {
            DataPreset.Coco or DataPreset.Karpathy => ReadCoco(preset, report),
            DataPreset.Fashion200K => ReadFashion200K(preset, report),
            DataPreset.Csv or DataPreset.Tsv => SplitByFraction(preset, ReadTable(preset, report)),
            DataPreset.Jsonl or DataPreset.ImageFolder => SplitByFraction(preset, ReadJsonl(preset, report)),
            DataPreset.NegClip => SplitByFraction(preset, ReadNegClip(preset, report, out negatives)),
            DataPreset.InpaintCoco => SplitByFraction(preset, ReadInpaintCoco(preset, report)),
            _ => throw new PresetException($"preset '{preset.Name}'", 0, 0, $"data.source {data.Source} is not read from files."),
        };
        if (preset.Rules.Source == RulesPreset.DatasetSource && negatives is null)
        {
            throw new PresetException($"preset '{preset.Name}'", 0, 0,
                $"rules.source=dataset: data.source {data.Source} brings no negatives of its own; use data.source=negclip, or rules.source=rules.");
        }
        if (train.Count == 0 || heldOut.Count == 0)
        {
            string first = report.Errors.Count > 0 ? $" First problem: {report.Errors[0]}" : string.Empty;
            throw new PresetException($"preset '{preset.Name}'", 0, 0,
                $"data.source {data.Source} gave {train.Count} training and {heldOut.Count} held-out pairs ({from}); both need at least one ({report.ErrorCount} records skipped; data.held-out=fraction draws the held-out pairs from the training files).{first}");
        }
        IReadOnlyList<ImageCaptionPair> limited = data.MaxSamples is { } max && max < train.Count ? train.GetRange(0, max) : train;
        return new RealDataSplits(limited, heldOut, from, report, negatives);
    }

    private static List<ImageCaptionPair> ReadTable(Preset preset, DataLoadReport report)
    {
        string table = PresetPaths.ExistingFile(preset, "data.captions", preset.Data.Captions,
            $"the {preset.Data.Source.ToUpperInvariant()} file with a header row and columns {preset.Data.ImageColumn} and {preset.Data.CaptionColumn}");
        var options = new DelimitedTableOptions
        {
            Separator = preset.Data.Source == DataPreset.Csv ? ',' : '\t',
            ImageColumn = preset.Data.ImageColumn,
            CaptionColumn = preset.Data.CaptionColumn,
            ImageRoot = ImageRoot(preset, table),
            AllowAbsolutePaths = preset.Data.AllowAbsolutePaths,
        };
        return [.. CaptionTableLoader.Read(table, options, report)];
    }

    private static List<ImageCaptionPair> ReadJsonl(Preset preset, DataLoadReport report)
    {
        if (preset.Data.Source == DataPreset.ImageFolder)
        {
            string folder = PresetPaths.ExistingFolder(preset, "data.images", preset.Data.Images, "the image folder (with its captions.jsonl)");
            string captions = Path.GetFullPath(Path.Combine(folder, preset.Data.Captions ?? "captions.jsonl"));
            _ = PresetPaths.ExistingFile(preset, "data.captions", captions, "the captions JSONL of the image folder");
            return [.. ImageFolderLoader.Read(folder, captions, report, allowAbsolutePaths: preset.Data.AllowAbsolutePaths)];
        }
        string lines = PresetPaths.ExistingFile(preset, "data.captions", preset.Data.Captions,
            "a JSONL file of {\"file_name\": ..., \"caption\": ...} lines");
        return [.. ImageFolderLoader.Read(ImageRoot(preset, lines), lines, report, allowAbsolutePaths: preset.Data.AllowAbsolutePaths)];
    }

    private static List<ImageCaptionPair> ReadNegClip(Preset preset, DataLoadReport report, out Dictionary<string, IReadOnlyList<string>> negatives)
    {
        string table = PresetPaths.ExistingFile(preset, "data.captions", preset.Data.Captions, "NegCLIP's TSV (title, filepath, neg_caption)");
        var pairs = new List<ImageCaptionPair>();
        negatives = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (NegClipRecord record in NegClipTsvLoader.Read(table, report, ImageRoot(preset, table), allowAbsolutePaths: preset.Data.AllowAbsolutePaths))
        {
            pairs.Add(record.Pair);
            negatives[record.Pair.Id] = record.NegativeCaptions;
        }
        return pairs;
    }

    private static List<ImageCaptionPair> ReadInpaintCoco(Preset preset, DataLoadReport report)
    {
        string path = PresetPaths.ExistingPath(preset, "data.captions", preset.Data.Captions, "InpaintCOCO's parquet file or its folder");
        var pairs = new List<ImageCaptionPair>();
        foreach (string file in InpaintCocoEvaluation.Files(path))
        {
            foreach (InpaintCocoRecord record in InpaintCocoLoader.ReadAsync(file, report).ToBlockingEnumerable())
            {
                // The originals only: the inpainted twins are the benchmark. Rows of one COCO image share its name,
                // so the held-out split keeps them together.
                string id = $"{Path.GetFileNameWithoutExtension(file)}/{record.Index}";
                ImageReference image = ImageReference.FromBytes(record.Original.Image.Bytes!, record.Original.Image.Name ?? id);
                pairs.Add(new ImageCaptionPair(id, record.Original.Caption, image));
            }
        }
        return pairs;
    }

    // Relative image paths of a table or JSONL file: in data.images when given, else beside the file.
    private static string ImageRoot(Preset preset, string file) => preset.Data.Images is { } images
        ? PresetPaths.ExistingFolder(preset, "data.images", images, "the folder the file's image paths are relative to")
        : Path.GetDirectoryName(file)!;

    private static (List<ImageCaptionPair>, List<ImageCaptionPair>, string) ReadCoco(Preset preset, DataLoadReport report)
    {
        string captions = PresetPaths.ExistingFile(preset, "data.captions", preset.Data.Captions,
            "COCO captions JSON, e.g. annotations/captions_train2017.json, or Karpathy's dataset_coco.json");
        string images = PresetPaths.ExistingFolder(preset, "data.images", preset.Data.Images,
            "the image folder, e.g. train2017/; for Karpathy's file the folder holding train2014/ and val2014/");
        if (preset.Data.Source != DataPreset.Karpathy && !IsKarpathy(captions))
        {
            if (preset.Data.HeldOut == "file")
            {
                throw new PresetException($"preset '{preset.Name}'", 0, 0,
                    $"data.held-out=file: {captions} is a COCO captions file, which has no split of its own; use data.held-out=fraction (or auto).");
            }
            return SplitByFraction(preset, [.. CocoCaptionsLoader.Read(captions, images, report, allowAbsolutePaths: preset.Data.AllowAbsolutePaths)]);
        }
        List<ImageCaptionPair> all = [.. KarpathyCocoLoader.Read(captions, images, report, allowAbsolutePaths: preset.Data.AllowAbsolutePaths).Where(p => ImageExists(p, report))];
        if (preset.Data.HeldOut == "fraction")
        {
            return SplitByFraction(preset, all);
        }
        // Karpathy's own split: train and restval train, test is held out (val is left for model selection).
        return ([.. all.Where(p => p.Split is "train" or "restval")], [.. all.Where(p => p.Split == "test")], "the file's test split");
    }

    private static (List<ImageCaptionPair>, List<ImageCaptionPair>, string) ReadFashion200K(Preset preset, DataLoadReport report)
    {
        string root = PresetPaths.ExistingFolder(preset, "data.images", preset.Data.Images,
            "the Fashion200K root the label files' image paths are relative to (it holds women/)");
        string labels = PresetPaths.ExistingFolder(preset, "data.labels", preset.Data.Labels ?? Path.Combine(root, "labels"),
            "the folder of the *_train_detect_all.txt label files");
        List<ImageCaptionPair> train = ReadFashionSplit(labels, root, "train", report, preset.Data.AllowAbsolutePaths);
        if (preset.Data.HeldOut == "fraction")
        {
            return SplitByFraction(preset, train);
        }
        return (train, ReadFashionSplit(labels, root, "test", report, preset.Data.AllowAbsolutePaths), "the test label files");
    }

    private static List<ImageCaptionPair> ReadFashionSplit(string labels, string root, string split, DataLoadReport report, bool allowAbsolutePaths)
    {
        var pairs = new List<ImageCaptionPair>();
        foreach (string category in Fashion200KLoader.Categories)
        {
            string file = Path.Combine(labels, $"{category}_{split}_detect_all.txt");
            if (!File.Exists(file))
            {
                report.Add(DataLoadError.InFile(file, "label file not found"));
                continue;
            }
            pairs.AddRange(Fashion200KLoader.ReadLabelFile(file, root, category, split, report, allowAbsolutePaths: allowAbsolutePaths).Select(item => item.Pair));
        }
        return pairs;
    }

    private static (List<ImageCaptionPair>, List<ImageCaptionPair>, string) SplitByFraction(Preset preset, List<ImageCaptionPair> pairs)
    {
        (List<ImageCaptionPair> train, List<ImageCaptionPair> heldOut) = HeldOutImages.Split(pairs, preset.Data.ValidationFraction, preset.Data.Seed);
        return (train, heldOut, HeldOutImages.Describe(preset.Data.ValidationFraction, preset.Data.Seed));
    }

    // Karpathy's loader does not look for the files (its paths may be relative to a root given later); here they must exist.
    private static bool ImageExists(ImageCaptionPair pair, DataLoadReport report)
    {
        if (File.Exists(pair.Image.Path))
        {
            return true;
        }
        report.Add(DataLoadError.InFile(pair.Image.ToString(), $"image of sentence {pair.Id} not found"));
        return false;
    }

    /// <summary>Whether a captions file is Karpathy's (images with "filename" and "sentences") rather than COCO's
    /// ("file_name", with the captions in "annotations"). The first image record is in the first few kilobytes of
    /// both; reading the whole file to find out would take seconds.</summary>
    internal static bool IsKarpathy(string path)
    {
        using FileStream stream = InputFile.OpenRead(path);
        byte[] head = new byte[64 * 1024];
        int length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return KarpathyKey().IsMatch(Encoding.UTF8.GetString(head, 0, length));
    }

    [GeneratedRegex("\"(sentences|filename|sentids)\"\\s*:")]
    private static partial Regex KarpathyKey();
}
