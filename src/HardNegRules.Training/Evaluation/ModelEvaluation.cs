using System.Text;
using System.Text.Json;
using HardNegRules.Data.IO;
using HardNegRules.Data.Loaders;
using HardNegRules.Training.Model;
using HardNegRules.Training.Presets;
using HardNegRules.Training.Runs;
using HardNegRules.Training.Training;

namespace HardNegRules.Training.Evaluation;

/// <summary>What <see cref="ModelEvaluation.Run"/> evaluates: one model, or two side by side, on one suite or all.</summary>
public sealed record EvaluationRequest
{
    /// <summary>A checkpoint, its run folder, or Hugging Face CLIP weights (<see cref="ModelIsWeights"/>).</summary>
    public required string Model { get; init; }

    /// <summary>Whether <see cref="Model"/> is a <c>model.safetensors</c> file (or its folder) rather than a checkpoint.</summary>
    public bool ModelIsWeights { get; init; }

    /// <summary>A second model shown beside the first, with the difference; its kind is told from its path.</summary>
    public string? Compare { get; init; }

    /// <summary>The preset the models were trained with; null for a run folder's <c>run.json</c>, else concept-world
    /// (coco for weights).</summary>
    public string? Preset { get; init; }

    /// <summary>Changes to the preset (after those a run folder's <c>run.json</c> records).</summary>
    public PresetEdits Edits { get; init; } = PresetEdits.None;

    /// <summary>A suite of <see cref="EvaluationSuites.Names"/>, or <see cref="EvaluationSuites.All"/>.</summary>
    public string Suite { get; init; } = EvaluationSuites.Preset;

    /// <summary>Where the benchmarks' data is.</summary>
    public SuiteData Data { get; init; } = new();

    /// <summary>A request for one model, given either as a checkpoint or as Hugging Face CLIP weights.</summary>
    /// <param name="checkpoint">A checkpoint or its run folder (<c>--checkpoint</c>), or null.</param>
    /// <param name="weights">A <c>model.safetensors</c> file or its folder (<c>--weights</c>), or null.</param>
    /// <returns>The request, on the preset's own suite until changed.</returns>
    /// <exception cref="ArgumentException">Both or neither are given.</exception>
    public static EvaluationRequest ForModel(string? checkpoint, string? weights) =>
        string.IsNullOrEmpty(checkpoint) == string.IsNullOrEmpty(weights)
            ? throw new ArgumentException("Give one of --checkpoint PATH and --weights FILE.")
            : new EvaluationRequest { Model = string.IsNullOrEmpty(weights) ? checkpoint! : weights, ModelIsWeights = !string.IsNullOrEmpty(weights) };

    /// <summary>Checks what can be checked before any model or data is read.</summary>
    /// <exception cref="ArgumentException">An unknown suite, SugarCrepe without its images, or a count below 1.</exception>
    public void Check()
    {
        string? problem = Suite != EvaluationSuites.All && !EvaluationSuites.Names.Contains(Suite)
                ? $"--suite must be one of {string.Join(", ", EvaluationSuites.Names)} or {EvaluationSuites.All}; got '{Suite}'."
            : Suite == EvaluationSuites.SugarCrepe && string.IsNullOrEmpty(Data.CocoImages) ? "--suite sugarcrepe needs --images DIR (COCO val2017 images)."
            : Data.MaxItems is < 1 ? "--max-items must be at least 1."
            : null;
        if (problem is not null)
        {
            throw new ArgumentException(problem);
        }
    }
}

/// <summary>
/// The workflow of <c>hardneg eval</c>: rebuild each model with its preset, run the suites on it, and line the results
/// up in one table (written as JSON and Markdown by <see cref="WriteFiles"/>).
/// </summary>
public static class ModelEvaluation
{
    /// <summary>Evaluates the request's models.</summary>
    /// <param name="request">What to evaluate.</param>
    /// <param name="dataReport">Where unreadable records and images are reported.</param>
    /// <param name="status">Runs a suite under a message (a console spinner); null runs it plainly.</param>
    /// <param name="notice">Receives a line for each suite <see cref="EvaluationSuites.All"/> leaves out and why.</param>
    /// <returns>Every model's result of every suite.</returns>
    /// <exception cref="ArgumentException">The request fails <see cref="EvaluationRequest.Check"/>, a path names nothing,
    /// or no suite's data is present.</exception>
    /// <exception cref="InvalidOperationException">A checkpoint is of another architecture than its preset.</exception>
    public static EvaluationResults Run(EvaluationRequest request, DataLoadReport dataReport,
        Func<string, Func<SuiteResult>, SuiteResult>? status = null, Action<string>? notice = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(dataReport);
        request.Check();
        status ??= (_, work) => work();
        var models = new List<(string Path, bool IsWeights)> { (request.Model, request.ModelIsWeights) };
        if (request.Compare is { } compare)
        {
            models.Add((compare, IsWeights(compare)));
        }
        var results = new List<ModelSuiteResult>();
        var names = new List<string>();
        foreach ((string path, bool isWeights) in models)
        {
            (PresetRun run, string name) = Prepare(request, path, isWeights, dataReport);
            name = names.Contains(name) ? $"{name} ({names.Count + 1})" : name;
            names.Add(name);
            using ClipModel model = isWeights ? run.CreateModel() : run.LoadModel(CheckpointPath(path));
            foreach (string suite in Suites(request, run, notice))
            {
                SuiteResult result = status($"Evaluating {name} on {suite}...", () => EvaluationSuites.Run(suite, run, model, request.Data));
                results.Add(new ModelSuiteResult(name, suite, result.Summary, result.Report, result.Rows));
            }
        }
        return new EvaluationResults(names, results);
    }

    /// <summary>
    /// Writes the results as JSON to <paramref name="path"/> (one suite of one model: that suite's report alone) and the
    /// table as Markdown beside it.
    /// </summary>
    /// <param name="results">The results.</param>
    /// <param name="path">The JSON file.</param>
    /// <returns>The Markdown file.</returns>
    public static string WriteFiles(EvaluationResults results, string path)
    {
        ArgumentNullException.ThrowIfNull(results);
        object report = results.Results.Count == 1 ? results.Results[0].Report : results;
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, report, ReportJson.Options));
        string markdown = Path.ChangeExtension(path, ".md");
        var md = new StringBuilder("# Evaluation\n\n");
        foreach (ModelSuiteResult result in results.Results)
        {
            md.Append("- ").Append(results.Models.Count > 1 ? $"{result.Model}: " : string.Empty).Append(result.Summary).Append('\n');
        }
        md.Append("\nPercent; items: the items a number is over (first model).\n\n").Append(results.Table().ToMarkdown());
        AtomicFile.Write(markdown, stream => stream.Write(Encoding.UTF8.GetBytes(md.ToString())));
        return markdown;
    }

    private static List<string> Suites(EvaluationRequest request, PresetRun run, Action<string>? notice)
    {
        if (request.Suite != EvaluationSuites.All)
        {
            return [request.Suite];
        }
        List<string> present = EvaluationSuites.Present(run, request.Data);
        foreach (string absent in EvaluationSuites.Names.Except(present))
        {
            notice?.Invoke($"{absent}: not run: {EvaluationSuites.Missing(absent, run, request.Data)}.");
        }
        return present.Count > 0 ? present : throw new ArgumentException("--suite all: no suite's data is present (see above).");
    }

    private static bool IsWeights(string path) =>
        path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase) || File.Exists(Path.Combine(path, "model.safetensors"));

    private static (PresetRun Run, string Name) Prepare(EvaluationRequest request, string path, bool isWeights, DataLoadReport dataReport)
    {
        if (isWeights)
        {
            Preset withWeights = PresetCatalog.Load(request.Preset ?? DataPreset.Coco, request.Edits);
            withWeights = withWeights with { Model = withWeights.Model with { Weights = path } };
            return (new PresetRun(withWeights, dataReport: dataReport), Path.GetFileName(Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar)));
        }
        string checkpoint = CheckpointPath(path);
        string folder = Path.GetDirectoryName(Path.GetFullPath(checkpoint))!;
        RunManifest? manifest = RunManifest.TryRead(folder);
        Preset preset = request.Preset is not null
            ? PresetCatalog.Load(request.Preset, request.Edits)
            : request.Edits.ApplyTo(PresetCatalog.Load(manifest?.Preset ?? PresetCatalog.DefaultName, manifest?.Overrides));
        return (new PresetRun(preset, dataReport: dataReport), Path.GetFileName(folder) ?? "model");
    }

    private static string CheckpointPath(string path)
    {
        string checkpoint = Directory.Exists(path) ? Path.Combine(path, Trainer.CheckpointFileName) : path;
        return File.Exists(checkpoint) ? checkpoint : throw new ArgumentException($"Checkpoint '{checkpoint}' does not exist.");
    }
}
