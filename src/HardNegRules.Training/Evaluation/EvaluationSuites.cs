using System.Globalization;
using HardNegRules.Data.Loaders;
using HardNegRules.Training.Evaluation.Aro;
using HardNegRules.Training.Evaluation.ConceptWorld;
using HardNegRules.Training.Evaluation.InpaintCoco;
using HardNegRules.Training.Evaluation.RealData;
using HardNegRules.Training.Evaluation.SugarCrepe;
using HardNegRules.Training.Evaluation.Winoground;
using HardNegRules.Training.Model;
using HardNegRules.Training.Evaluation.Probes;
using HardNegRules.Training.Runs;

namespace HardNegRules.Training.Evaluation;

/// <summary>Where each benchmark's data is. A suite runs only when its data is there.</summary>
public sealed record SuiteData
{
    /// <summary>SugarCrepe's folder of seven json files.</summary>
    public string? SugarCrepe { get; init; }

    /// <summary>SugarCrepe's images: the COCO val2017 folder.</summary>
    public string? CocoImages { get; init; }

    /// <summary>InpaintCOCO: a parquet file, or a folder of them.</summary>
    public string? InpaintCoco { get; init; }

    /// <summary>Winoground: the folder of examples.jsonl and images/ (or its parent holding data/).</summary>
    public string? Winoground { get; init; }

    /// <summary>ARO's root: visual_genome_relation.json, visual_genome_attribution.json and images/.</summary>
    public string? Aro { get; init; }

    /// <summary>The COCO root holding coco_karpathy_test.json and the val2014/ it names (COCO-Order).</summary>
    public string? AroCoco { get; init; }

    /// <summary>The Flickr30k root holding flickr30k_test.json and flickr30k-images/ (Flickr30k-Order).</summary>
    public string? AroFlickr { get; init; }

    /// <summary>Score at most this many items per benchmark (per ARO set); null for all.</summary>
    public int? MaxItems { get; init; }
}

/// <summary>One suite's result: a line saying what was evaluated, the suite's own report (its JSON), and its rows.</summary>
/// <param name="Suite">The suite's name.</param>
/// <param name="Summary">What was read, evaluated and skipped.</param>
/// <param name="Report">The suite's report object.</param>
/// <param name="Rows">The report as table rows.</param>
public sealed record SuiteResult(string Suite, string Summary, object Report, IReadOnlyList<EvaluationRow> Rows);

/// <summary>
/// The benchmarks <c>hardneg eval</c> runs: the preset's own held-out data, SugarCrepe, InpaintCOCO, Winoground, ARO
/// and, on a concept world, the binding probe, each reduced to rows of one table, so that any of them, or all, print
/// and compare alike.
/// </summary>
public static class EvaluationSuites
{
    /// <summary>The preset's held-out data (the concept world's test split, or a real data set's held-out pairs).</summary>
    public const string Preset = "preset";

    /// <summary>SugarCrepe (Hsieh et al. 2023).</summary>
    public const string SugarCrepe = "sugarcrepe";

    /// <summary>InpaintCOCO (Rösch et al. 2024).</summary>
    public const string InpaintCoco = "inpaintcoco";

    /// <summary>Winoground (Thrush et al. 2022).</summary>
    public const string Winoground = "winoground";

    /// <summary>ARO (Yuksekgonul et al. 2023).</summary>
    public const string Aro = "aro";

    /// <summary>Linear binding probes of each tower on the preset's concept world (<see cref="BindingProbe"/>).</summary>
    public const string Probe = "probe";

    /// <summary>Every suite whose data is present.</summary>
    public const string All = "all";

    /// <summary>The suites, in report order.</summary>
    public static IReadOnlyList<string> Names { get; } = [Preset, SugarCrepe, InpaintCoco, Winoground, Aro, Probe];

    /// <summary>The suites whose data is present, in report order.</summary>
    /// <param name="run">The model's preset (its own data may be absent, e.g. a COCO preset without paths).</param>
    /// <param name="data">Where the benchmarks are.</param>
    /// <returns>The suite names.</returns>
    public static List<string> Present(PresetRun run, SuiteData data)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(data);
        return [.. Names.Where(name => Missing(name, run, data) is null)];
    }

    /// <summary>Why a suite cannot run (its data is missing), or null when it can.</summary>
    /// <param name="suite">The suite.</param>
    /// <param name="run">The model's preset.</param>
    /// <param name="data">Where the benchmarks are.</param>
    /// <returns>A sentence naming the option to give, or null.</returns>
    public static string? Missing(string suite, PresetRun run, SuiteData data)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(data);
        return suite switch
        {
            Preset => run.Preset.Data.IsConceptWorld || Exists(run.Preset.Data.Captions) || Exists(run.Preset.Data.Images)
                ? null : $"the preset's own data (data.captions, data.images) is not given or not found",
            SugarCrepe => data.SugarCrepe is null || !Directory.Exists(data.SugarCrepe)
                ? $"--sugarcrepe: no folder '{data.SugarCrepe}'; pass the folder of SugarCrepe's add_att.json ... swap_obj.json"
                : data.CocoImages is null || !Directory.Exists(data.CocoImages) ? "--images: SugarCrepe needs the COCO val2017 image folder" : null,
            InpaintCoco => data.InpaintCoco is null || InpaintCocoEvaluation.Files(data.InpaintCoco).Count == 0
                ? $"--inpaintcoco: no parquet file at '{data.InpaintCoco}'; pass InpaintCOCO's parquet file or its folder" : null,
            Winoground => data.Winoground is null || WinogroundLoader.FindExamples(data.Winoground) is null
                ? $"--winoground: no {WinogroundLoader.ExamplesFile} in '{data.Winoground}'; pass the folder holding it and images/" : null,
            Aro => !AroFiles.Find(data.Aro, data.AroCoco, data.AroFlickr).Any
                ? $"--aro: no {AroLoader.RelationFile}, {AroLoader.AttributionFile} in '{data.Aro}', and no {AroLoader.CocoTestFile} or {AroLoader.FlickrTestFile} in --aro-coco or --aro-flickr"
                : null,
            Probe => !run.Preset.Data.IsConceptWorld
                ? $"the binding probe needs a concept-world preset; '{run.Preset.Name}' reads {run.Preset.Data.Source}"
                : run.Preset.Data.ToWorldOptions().MaxObjects < 2
                    ? $"the binding probe needs scenes of two or more objects; preset '{run.Preset.Name}' has one per scene"
                    : null,
            _ => $"unknown suite '{suite}'; the suites are {string.Join(", ", Names)} and {All}",
        };
    }

    /// <summary>Runs one suite.</summary>
    /// <param name="suite">The suite.</param>
    /// <param name="run">The model's preset (tokenizer, rule pack, its own data).</param>
    /// <param name="model">The model.</param>
    /// <param name="data">Where the benchmarks are.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">The suite's data is missing or holds no readable item.</exception>
    public static SuiteResult Run(string suite, PresetRun run, ClipModel model, SuiteData data)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        if (suite != Preset && Missing(suite, run, data) is { } missing)
        {
            throw new ArgumentException(missing + ".");
        }
        DataLoadReport report = run.DataReport;
        return suite switch
        {
            Preset => RunPreset(run, model),
            SugarCrepe => RunSugarCrepe(run, model, data, report),
            InpaintCoco => RunInpaintCoco(run, model, data, report),
            Winoground => RunWinoground(run, model, data, report),
            Aro => RunAro(run, model, data, report),
            _ => RunProbe(run, model),
        };
    }

    private static bool Exists(string? path) => path is not null && (File.Exists(path) || Directory.Exists(path));

    private static SuiteResult RunPreset(PresetRun run, ClipModel model)
    {
        if (run.Preset.Data.IsConceptWorld)
        {
            ConceptWorldMetrics metrics = run.Evaluate(model);
            List<EvaluationRow> rows = [];
            foreach ((string test, ConceptScores scores) in metrics.ConceptTests())
            {
                rows.AddRange(ConceptScores.ConceptNames.Append("mean").Select(c => new EvaluationRow(Preset, test, c, null, scores[c])));
            }
            rows.AddRange(metrics.Retrieval.ByKey().Select(m => new EvaluationRow(Preset, "retrieval", m.Key, null, m.Recall)));
            return new SuiteResult(Preset, $"{run.Preset.Name}: the concept world's test split.", metrics, rows);
        }
        RealDataMetrics real = run.EvaluateRealData(model);
        List<EvaluationRow> realRows =
        [
            .. real.Retrieval.ByKey().Select(m => new EvaluationRow(Preset, "retrieval", m.Key, real.Captions, m.Recall)),
            .. real.TextRanking.Concepts.Select(c => new EvaluationRow(Preset, "text_ranking", c.Key, c.Value.Items, c.Value.Accuracy)),
            new EvaluationRow(Preset, "text_ranking", "mean", null, real.TextRanking.Mean),
        ];
        return new SuiteResult(Preset, string.Create(CultureInfo.InvariantCulture,
            $"{real.Source}: {real.Images} held-out images with {real.Captions} captions ({real.HeldOut}); {real.SkippedImages} images skipped (unreadable)."),
            real, realRows);
    }

    private static SuiteResult RunSugarCrepe(PresetRun run, ClipModel model, SuiteData data, DataLoadReport report)
    {
        List<SugarCrepeItem> items = SugarCrepeFiles.Read(data.SugarCrepe!, report);
        if (data.MaxItems is { } max && max < items.Count)
        {
            items = items.GetRange(0, max);
        }
        if (items.Count == 0)
        {
            throw new ArgumentException($"--sugarcrepe: no readable item in {Path.GetFullPath(data.SugarCrepe!)}.");
        }
        string images = Path.GetFullPath(data.CocoImages!);
        SugarCrepeReport result = SugarCrepeEvaluation.Evaluate(model, run.Tokenizer, items, images, report);
        List<EvaluationRow> rows =
        [
            .. result.Categories.Append(result.Overall).Select(c => new EvaluationRow(SugarCrepe, c.Category, "accuracy", c.Evaluated, c.Accuracy)),
            new EvaluationRow(SugarCrepe, "mean of categories", "accuracy", null, result.MeanOverCategories),
        ];
        return new SuiteResult(SugarCrepe, string.Create(CultureInfo.InvariantCulture,
            $"SugarCrepe: {items.Count} items read; {result.Overall.Evaluated} evaluated, {result.Overall.Skipped} skipped (image missing or unreadable in {images})."),
            result, rows);
    }

    private static SuiteResult RunInpaintCoco(PresetRun run, ClipModel model, SuiteData data, DataLoadReport report)
    {
        List<string> files = InpaintCocoEvaluation.Files(data.InpaintCoco!);
        InpaintCocoReport result = InpaintCocoEvaluation.Evaluate(model, run.Tokenizer, files, report, data.MaxItems);
        if (result.Overall.Evaluated + result.Overall.Skipped == 0)
        {
            throw new ArgumentException($"--inpaintcoco: no readable row in {string.Join(", ", files)}.");
        }
        return new SuiteResult(InpaintCoco, string.Create(CultureInfo.InvariantCulture,
            $"InpaintCOCO: {files.Count} parquet file(s); {result.Overall.Evaluated} pairs evaluated, {result.Overall.Skipped} skipped (an image unreadable)."),
            result, result.Rows());
    }

    private static SuiteResult RunWinoground(PresetRun run, ClipModel model, SuiteData data, DataLoadReport report)
    {
        string examples = WinogroundLoader.FindExamples(data.Winoground!)!;
        List<WinogroundExample> read = [.. WinogroundLoader.Read(examples, report)];
        if (data.MaxItems is { } max && max < read.Count)
        {
            read = read.GetRange(0, max);
        }
        if (read.Count == 0)
        {
            throw new ArgumentException($"--winoground: no readable example in {examples}.");
        }
        WinogroundSuiteReport result = WinogroundEvaluation.Evaluate(model, run.Tokenizer, read, report);
        return new SuiteResult(Winoground, string.Create(CultureInfo.InvariantCulture,
            $"Winoground: {read.Count} examples read from {examples}; {result.Evaluated} evaluated, {result.Skipped} skipped (an image missing or unreadable)."),
            result, result.Rows());
    }

    private static SuiteResult RunAro(PresetRun run, ClipModel model, SuiteData data, DataLoadReport report)
    {
        AroFiles files = AroFiles.Find(data.Aro, data.AroCoco, data.AroFlickr);
        AroReport result = AroEvaluation.Evaluate(model, run.Tokenizer, files, new OrderPerturbations(Permuters.Default), report, data.MaxItems);
        return new SuiteResult(Aro, "ARO: " + string.Join("; ", result.Sets.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{s.Set} {s.Evaluated} evaluated, {s.Skipped} skipped"))) + ".", result, result.Rows());
    }

    private static SuiteResult RunProbe(PresetRun run, ClipModel model)
    {
        BindingProbeResult result;
        try
        {
            result = BindingProbe.Measure(model, run.Tokenizer, run.World);
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException($"probe: {e.Message}", e);
        }
        List<EvaluationRow> rows =
        [
            new EvaluationRow(Probe, "binding", "image", result.TwinCount, result.ImageAccuracy),
            new EvaluationRow(Probe, "binding", "text", result.TwinCount, result.TextAccuracy),
        ];
        return new SuiteResult(Probe, string.Create(CultureInfo.InvariantCulture,
            $"Binding probe: fitted on {result.TrainSceneCount} training scenes of {run.Preset.Name}, asked about {result.TwinCount} color and shape binding twins (two decisions each; chance 0.5)."),
            result, rows);
    }
}
