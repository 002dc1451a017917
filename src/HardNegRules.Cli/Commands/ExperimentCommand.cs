using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.IO;
using HardNegRules.Training.Model;
using HardNegRules.Training.Pipeline;
using HardNegRules.Training.Presets;
using HardNegRules.Training.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HardNegRules.Cli.Commands;

/// <summary>
/// <c>hardneg experiment</c>: trains plain CLIP (k = 0) and hard-negative CLIP (k &gt;= 1) with the same seed, data
/// and step budget, evaluates both on the same test data, and writes <c>report.json</c>, plots and <c>report.md</c>.
/// </summary>
public sealed class ExperimentCommand : Command<ExperimentCommand.Settings>
{
    /// <summary>The preset of <c>--quick</c>.</summary>
    public const string QuickPreset = "concept-world-quick";

    /// <summary>Options of <c>experiment</c>.</summary>
    public sealed class Settings : TrainSettings
    {
        /// <summary>The experiment folder.</summary>
        [CommandOption("-o|--out <DIR>")]
        [Description("The experiment folder (report.json, report.md, plots, one folder per run). Default: runs/experiment-<preset>.")]
        public string? Out { get; init; }

        /// <summary>Use the quick preset.</summary>
        [CommandOption("--quick")]
        [Description($"Use the {QuickPreset} preset (about a minute) unless --preset is given.")]
        public bool Quick { get; init; }

        /// <summary>Plain pre-training shared by both runs.</summary>
        [CommandOption("--pretrain-steps <N>")]
        [Description("First train plain CLIP for N steps; both runs then start from those weights (fine-tuning, as in the paper). Default: the preset's schedule.pretrain-steps.")]
        public int? PretrainSteps { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            PretrainSteps is < 0 ? ValidationResult.Error($"--pretrain-steps must be 0 or more; got {PretrainSteps}.") : base.Validate();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string presetName = settings.Preset ?? (settings.Quick ? QuickPreset : PresetCatalog.DefaultName);
        List<string> overrides = settings.Overrides();
        Preset hard = PresetCatalog.Load(presetName, overrides);
        if (!hard.Data.IsConceptWorld)
        {
            throw new ArgumentException(
                $"Preset '{hard.Name}' trains on {hard.Data.Source}: hardneg experiment compares both arms on the concept " +
                "world's twins. Train real data with 'hardneg train' and compare with 'hardneg eval'.");
        }
        if (hard.Rules.K == 0)
        {
            hard = PresetLoader.ApplyOverride(hard, "rules.k=1"); // the comparison needs a run with negatives
        }
        Preset plain = PresetLoader.ApplyOverride(hard, "rules.k=0");
        string directory = Path.GetFullPath(settings.Out ?? Path.Combine("runs", $"experiment-{hard.Name}"));
        using var runLock = Training.Runs.RunFolderLock.Acquire(directory, "hardneg " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
        ConceptWorldDataset world = ConceptWorldDataset.Generate(hard.Data.ToWorldOptions());

        int pretrainSteps = settings.PretrainSteps ?? hard.Schedule.PretrainSteps;
        string? initialWeights = pretrainSteps > 0
            ? Pretrain(PresetLoader.ApplyOverride(plain, $"schedule.steps={pretrainSteps.ToString(CultureInfo.InvariantCulture)}"),
                world, Path.Combine(directory, "pretrain"), settings.Device, cancellationToken)
            : null;
        var runs = new List<ExperimentRun>();
        var curves = new List<ExperimentCurve>();
        foreach ((string name, Preset preset) in new[] { ("plain", plain), ("hard-negatives", hard) })
        {
            string runDirectory = Path.Combine(directory, name);
            // run.json lets `hardneg eval` rebuild this run's model and data from its folder alone.
            var manifest = new RunManifest(presetName, [.. overrides, $"rules.k={preset.Rules.K.ToString(CultureInfo.InvariantCulture)}"]);
            (double seconds, ConceptWorldMetrics metrics) = TrainAndEvaluate(name, preset, world, runDirectory, manifest,
                initialWeights, settings.Device, cancellationToken);
            runs.Add(new ExperimentRun(name, preset.Rules.K, Math.Round(seconds, 1), metrics));
            curves.Add(ExperimentCurve.Read(name, Path.Combine(runDirectory, "metrics.jsonl")));
        }

        var report = new ExperimentReport(hard.Name, runs);
        AtomicFile.Write(Path.Combine(directory, "report.json"), stream => JsonSerializer.Serialize(stream, report, ExperimentReport.Json));
        (IReadOnlyList<string> pngs, string? plotProblem) = ExperimentPlots.Write(directory, curves, report);
        string command = "hardneg " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(Quote));
        File.WriteAllText(Path.Combine(directory, "report.md"), ExperimentMarkdown.Render(report,
            hard with { Schedule = hard.Schedule with { PretrainSteps = pretrainSteps } }, command, pngs, plotProblem));

        AnsiConsole.Write(EvalTable.Build([.. runs.Select(r => ($"{r.Name} (k={r.K})", r.Metrics))]));
        if (plotProblem is not null)
        {
            Console.Error.WriteLine(plotProblem);
        }
        Console.Error.WriteLine($"Wrote {Path.Combine(directory, "report.json")} and report.md");
        return 0;
    }

    private static (double Seconds, ConceptWorldMetrics Metrics) TrainAndEvaluate(string name, Preset preset,
        ConceptWorldDataset world, string directory, RunManifest manifest, string? initialWeights, string device,
        CancellationToken cancellation)
    {
        StartFresh(directory);
        var run = new PresetRun(preset, world);
        manifest.Write(directory);
        using ClipModel model = run.CreateModel();
        if (initialWeights is not null)
        {
            model.load(initialWeights);
        }
        var clock = Stopwatch.StartNew();
        TrainProgress.Run($"{name} (k={preset.Rules.K})", preset.Schedule.Steps, 0, progress =>
        {
            using Trainer trainer = run.CreateTrainer(model, run.TrainerOptions(directory, device), progress);
            return trainer.Train(cancellation: cancellation);
        });
        double seconds = clock.Elapsed.TotalSeconds;
        ConceptWorldMetrics metrics = CliErrors.Stderr.Status().Start($"Evaluating {name}...", _ => run.Evaluate(model));
        return (seconds, metrics);
    }

    private static string Pretrain(Preset preset, ConceptWorldDataset world, string directory, string device,
        CancellationToken cancellation)
    {
        StartFresh(directory);
        var run = new PresetRun(preset, world);
        using ClipModel model = run.CreateModel();
        TrainProgress.Run("pretrain (k=0)", preset.Schedule.Steps, 0, progress =>
        {
            using Trainer trainer = run.CreateTrainer(model, run.TrainerOptions(directory, device), progress);
            return trainer.Train(cancellation: cancellation);
        });
        string weights = Path.Combine(directory, "weights.bin");
        model.save(weights);
        return weights;
    }

    // An experiment always trains from scratch: stale checkpoints or appended metrics would mix runs.
    private static void StartFresh(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (string file in new[] { Trainer.CheckpointFileName, "checkpoint.prev.bin", "checkpoint.json", "metrics.jsonl" })
        {
            File.Delete(Path.Combine(directory, file));
        }
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_./=:,".Contains(c, StringComparison.Ordinal)) ? arg : $"'{arg}'";
}
