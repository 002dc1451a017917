using HardNegRules.Data.Loaders;
using HardNegRules.Training.Datasets;
using HardNegRules.Training.Model;
using HardNegRules.Training.Tokenization;
using SixLabors.ImageSharp;

namespace HardNegRules.Training.Evaluation.Aro;

/// <summary>Where the ARO sets are: each is evaluated when its file is given.</summary>
/// <param name="Relation">visual_genome_relation.json (its images in <c>images/</c> beside it), or null.</param>
/// <param name="Attribution">visual_genome_attribution.json (images in <c>images/</c> beside it), or null.</param>
/// <param name="CocoTest">coco_karpathy_test.json (its "image" paths relative to its folder), or null.</param>
/// <param name="FlickrTest">flickr30k_test.json (its "image" paths relative to its folder), or null.</param>
public sealed record AroFiles(string? Relation, string? Attribution, string? CocoTest, string? FlickrTest)
{
    /// <summary>The sets found in the folders given: ARO's root (the two Visual Genome files and <c>images/</c>), the
    /// COCO root holding coco_karpathy_test.json, and the Flickr30k root holding flickr30k_test.json.</summary>
    /// <param name="aroRoot">ARO's root, or null.</param>
    /// <param name="cocoRoot">The COCO root, or null (ARO's root is tried too).</param>
    /// <param name="flickrRoot">The Flickr30k root, or null (ARO's root is tried too).</param>
    /// <returns>The files that exist.</returns>
    public static AroFiles Find(string? aroRoot, string? cocoRoot, string? flickrRoot)
    {
        static string? In(string? folder, string file) =>
            folder is not null && File.Exists(Path.Combine(folder, file)) ? Path.GetFullPath(Path.Combine(folder, file)) : null;
        return new AroFiles(In(aroRoot, AroLoader.RelationFile), In(aroRoot, AroLoader.AttributionFile),
            In(cocoRoot, AroLoader.CocoTestFile) ?? In(aroRoot, AroLoader.CocoTestFile),
            In(flickrRoot, AroLoader.FlickrTestFile) ?? In(aroRoot, AroLoader.FlickrTestFile));
    }

    /// <summary>Whether any set was found.</summary>
    public bool Any => Relation is not null || Attribution is not null || CocoTest is not null || FlickrTest is not null;
}

/// <summary>
/// Runs ARO (Yuksekgonul et al. 2023) with a model. VG-Relation and VG-Attribution: the image cropped to the item's
/// box, its true caption against the false one. COCO-Order and Flickr30k-Order: each caption of the test split, cleaned
/// as ARO cleans it, against its four order perturbations (<see cref="OrderPerturbations"/>, seeded per caption).
/// </summary>
public static class AroEvaluation
{
    /// <summary>Scores every set whose file is given.</summary>
    /// <param name="model">The model.</param>
    /// <param name="tokenizer">CLIP's tokenizer.</param>
    /// <param name="files">The sets' files.</param>
    /// <param name="perturbations">Makes the order sets' perturbed captions.</param>
    /// <param name="report">Where malformed items and missing or unreadable images are reported.</param>
    /// <param name="maxItems">Score at most this many items per set (the first); null for all.</param>
    /// <param name="seed">Seed of the order perturbations.</param>
    /// <returns>One result per set evaluated.</returns>
    public static AroReport Evaluate(ClipModel model, ClipTokenizer tokenizer, AroFiles files, OrderPerturbations perturbations,
        DataLoadReport report, int? maxItems = null, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(perturbations);
        var embedder = new ClipEmbedder(model, tokenizer, 64);
        var decoder = new PhotoDecoder(model.Options.Vision.ImageSize, report);
        var sets = new List<AroSetResult>();
        foreach ((string set, string? file) in new[] { (AroMetrics.Relation, files.Relation), (AroMetrics.Attribution, files.Attribution) })
        {
            if (file is not null)
            {
                List<AroRegionItem> items = AroLoader.ReadRegions(file, Path.Combine(Path.GetDirectoryName(file)!, "images"), report);
                sets.Add(Regions(set, Limit(items, maxItems), embedder, decoder));
            }
        }
        foreach ((string set, string? file) in new[] { (AroMetrics.CocoOrder, files.CocoTest), (AroMetrics.FlickrOrder, files.FlickrTest) })
        {
            if (file is not null)
            {
                List<AroCaptionedImage> images = AroLoader.ReadCaptionedImages(file, Path.GetDirectoryName(file)!, report);
                sets.Add(Order(set, images, maxItems, perturbations, seed, embedder, decoder));
            }
        }
        return new AroReport(sets);
    }

    private static AroSetResult Regions(string set, List<AroRegionItem> items, ClipEmbedder embedder, PhotoDecoder decoder)
    {
        EvaluationItem[] scoring = [.. items.Select(i => new EvaluationItem(
            [new EvaluationImage(i.Image, $"{set} item {i.Index}", Box(i))], [i.TrueCaption, i.FalseCaption]))];
        CaptionImageScores?[] scores = ItemScoring.Score(embedder, decoder, scoring);
        var outcomes = new List<(string, bool)>();
        for (int i = 0; i < items.Count; i++)
        {
            if (scores[i] is { } s)
            {
                outcomes.Add((items[i].Class, s[0, 0] > s[1, 0]));
            }
        }
        return AroMetrics.Summarize(set, outcomes, items.Count - outcomes.Count);
    }

    private static AroSetResult Order(string set, List<AroCaptionedImage> images, int? maxItems, OrderPerturbations perturbations, int seed,
        ClipEmbedder embedder, PhotoDecoder decoder)
    {
        // One item per image: its captions and their perturbations (5 options each), so each image is decoded once.
        var items = new List<EvaluationItem>();
        int budget = maxItems ?? int.MaxValue;
        foreach (AroCaptionedImage image in images)
        {
            if (budget <= 0)
            {
                break;
            }
            var captions = new List<string>();
            foreach (string caption in image.Captions.Take(budget))
            {
#pragma warning disable CA5394 // seeded per caption: the perturbed captions repeat run to run
                var random = new Random(Training.DataOrder.MixSeed(seed, (int)image.Index, captions.Count));
#pragma warning restore CA5394
                captions.Add(OrderPerturbations.Clean(caption));
                captions.AddRange(perturbations.Perturb(caption, random));
            }
            budget -= captions.Count / 5;
            items.Add(new EvaluationItem([new EvaluationImage(image.Image, $"{set} image {image.Index}")], captions));
        }
        CaptionImageScores?[] scores = ItemScoring.Score(embedder, decoder, items);
        var outcomes = new List<(string, bool)>();
        var beaten = new List<(string, bool)>();
        int skipped = 0;
        for (int i = 0; i < items.Count; i++)
        {
            int captions = items[i].Captions.Count / 5;
            if (scores[i] is not { } s)
            {
                skipped += captions;
                continue;
            }
            for (int c = 0; c < captions; c++)
            {
                int row = 5 * c;
                bool all = true;
                for (int p = 1; p <= 4; p++)
                {
                    // A perturbation that left the caption as it was is the same text: not a competitor.
                    if (items[i].Captions[row + p] == items[i].Captions[row])
                    {
                        continue;
                    }
                    bool beats = s[row, 0] > s[row + p, 0];
                    beaten.Add(($"beats {OrderPerturbations.Names[p - 1]}", beats));
                    all &= beats;
                }
                outcomes.Add(("precision@1", all));
            }
        }
        return AroMetrics.Summarize(set, outcomes, skipped, beaten);
    }

    private static Rectangle Box(AroRegionItem item)
    {
        int x = (int)Math.Floor(item.X), y = (int)Math.Floor(item.Y);
        return new Rectangle(x, y, Math.Max(1, (int)Math.Ceiling(item.X + item.Width) - x), Math.Max(1, (int)Math.Ceiling(item.Y + item.Height) - y));
    }

    private static List<T> Limit<T>(List<T> items, int? max) => max is { } m && m < items.Count ? items.GetRange(0, m) : items;
}
