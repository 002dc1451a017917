using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.Twins;
using HardNegRules.Data.IO;
using HardNegRules.Training.Evaluation.ConceptWorld;
using HardNegRules.Training.Evaluation.Probes;
using HardNegRules.Training.Merging;
using HardNegRules.Training.Model;
using HardNegRules.Training.Presets;
using HardNegRules.Training.Runs;
using HardNegRules.Training.Training;

namespace HardNegRules.Training.Experiments;

/// <summary>
/// Runs an <see cref="ExperimentPlan"/>: generates the world once, trains and evaluates every arm for every seed (each
/// run in its own folder with checkpoint, <c>metrics.jsonl</c> and <c>run.json</c>), then writes <c>report.json</c>,
/// <c>report.md</c>, plots and CSVs into the experiment folder.
/// </summary>
public static class ExperimentRunner
{
    /// <summary>Runs the plan.</summary>
    /// <param name="plan">What to run.</param>
    /// <param name="observer">Shows progress; null shows nothing.</param>
    /// <param name="cancellation">Stops training between steps.</param>
    /// <returns>The report, also written to the folder.</returns>
    public static ExperimentResult Run(ExperimentPlan plan, IExperimentObserver? observer = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        observer ??= SilentExperimentObserver.Instance;
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(plan.Directory);
        // One experiment per folder: a second one into the same folder fails at once, naming the holder.
        using var folderLock = RunFolderLock.Acquire(plan.Directory, plan.Command);
        ConceptWorldDataset world = observer.Status("Generating the concept world...",
            () => ConceptWorldDataset.Generate(plan.Preset.Data.ToWorldOptions()));

        var runs = new List<ExperimentRunResult>();
        var curves = new List<ExperimentCurve>();
        var alphaSweep = new List<ExperimentAlphaPoint>();
        ExperimentResult? result = null;
        foreach (int seed in plan.Seeds)
        {
            string? initialWeights = plan.PretrainSteps > 0 ? Pretrain(plan, seed, world, observer, cancellation) : null;
            foreach (ExperimentArm arm in plan.Arms)
            {
                runs.Add(TrainAndEvaluate(plan, arm, seed, world, initialWeights, observer, cancellation));
                curves.Add(ExperimentCurve.Read(ExperimentArms.NameOf(arm), seed, Path.Combine(plan.RunDirectory(arm, seed), "metrics.jsonl")));
            }
            alphaSweep.AddRange(SweepAlphas(plan, seed, world, runs, observer));
            // The report is rewritten after every seed: a long experiment that is stopped keeps the seeds it finished.
            result = WriteReport(plan, runs, curves, alphaSweep, clock.Elapsed.TotalSeconds);
        }
        return result!;
    }

    private static ExperimentResult WriteReport(ExperimentPlan plan, IReadOnlyList<ExperimentRunResult> runs,
        IReadOnlyList<ExperimentCurve> curves, IReadOnlyList<ExperimentAlphaPoint> alphaSweep, double seconds)
    {
        ExperimentPlan done = plan with { Seeds = [.. plan.Seeds.Where(s => runs.Any(r => r.Seed == s))] };
        ExperimentReport report = ExperimentReport.Create(done, runs, seconds, alphaSweep);
        AtomicFile.Write(Path.Combine(plan.Directory, "report.json"), stream => JsonSerializer.Serialize(stream, report, ExperimentReport.Json));
        ExperimentCsv.Write(plan.Directory, report, curves);
        (IReadOnlyList<string> pngs, string? plotProblem) = ExperimentPlots.Write(plan.Directory, curves, report);
        File.WriteAllText(Path.Combine(plan.Directory, "report.md"), ExperimentMarkdown.Render(report, done, pngs, plotProblem));
        return new ExperimentResult(report, plan.Directory, plotProblem);
    }

    private static ExperimentRunResult TrainAndEvaluate(ExperimentPlan plan, ExperimentArm arm, int seed, ConceptWorldDataset world,
        string? initialWeights, IExperimentObserver observer, CancellationToken cancellation)
    {
        string name = ExperimentArms.NameOf(arm);
        string directory = plan.RunDirectory(arm, seed);
        Preset preset = plan.PresetOf(arm, seed);
        StartFresh(directory);
        // run.json lets `hardneg eval` rebuild this run's model and data from its folder alone.
        new RunManifest(plan.PresetName, [.. plan.Edits.ToOverrides(), .. new PresetEdits { Seed = seed, K = plan.KOf(arm) }.ToOverrides()]).Write(directory);
        var run = new PresetRun(preset, world);
        var clock = Stopwatch.StartNew();
        using ClipModel model = Train(run, directory, $"seed {seed} {name} (k={plan.KOf(arm)})", initialWeights,
            arm == ExperimentArm.Twins, plan.Device, observer, cancellation);
        double seconds = clock.Elapsed.TotalSeconds;
        bool anyHeldOut = world.Test.Scenes.Any(s => s.HasHeldOutPair), anySeen = world.Test.Scenes.Any(s => !s.HasHeldOutPair);
        return observer.Status($"Evaluating seed {seed} {name}...", () => new ExperimentRunResult(name, seed, plan.KOf(arm), Math.Round(seconds, 1),
            run.Evaluate(model),
            anySeen ? run.Evaluate(model, s => !s.HasHeldOutPair) : null,
            anyHeldOut ? run.Evaluate(model, s => s.HasHeldOutPair) : null,
            plan.Probes && HasBindingTwins(world) ? BindingProbe.Measure(model, run.Tokenizer, world) : null));
    }

    private static bool HasBindingTwins(ConceptWorldDataset world) =>
        world.Twins(TwinKind.Binding, WorldConcepts.Color).Any() || world.Twins(TwinKind.Binding, WorldConcepts.Shape).Any();

    /// <summary>
    /// Evaluates weight averages of the seed's plain and negatives models at <see cref="ExperimentPlan.Alphas"/>; the
    /// arms themselves are alpha 0 and 1 and are taken from their runs, not evaluated again.
    /// </summary>
    private static IEnumerable<ExperimentAlphaPoint> SweepAlphas(ExperimentPlan plan, int seed, ConceptWorldDataset world,
        IReadOnlyList<ExperimentRunResult> runs, IExperimentObserver observer)
    {
        string plainName = ExperimentArms.NameOf(ExperimentArm.Plain), negativesName = ExperimentArms.NameOf(ExperimentArm.Negatives);
        ExperimentRunResult? plain = runs.FirstOrDefault(r => r.Seed == seed && r.Arm == plainName);
        ExperimentRunResult? negatives = runs.FirstOrDefault(r => r.Seed == seed && r.Arm == negativesName);
        if (plan.Alphas.Count == 0 || plain is null || negatives is null)
        {
            return [];
        }
        var run = new PresetRun(plan.PresetOf(ExperimentArm.Plain, seed), world);
        IReadOnlyList<AlphaPoint<ConceptWorldMetrics>> merged = observer.Status(
            $"Averaging the weights of seed {seed}'s arms (alpha {string.Join(", ", plan.Alphas.Select(a => a.ToString(CultureInfo.InvariantCulture)))})...",
            () => AlphaSweep.Run(run,
                Path.Combine(plan.RunDirectory(ExperimentArm.Plain, seed), Trainer.CheckpointFileName),
                Path.Combine(plan.RunDirectory(ExperimentArm.Negatives, seed), Trainer.CheckpointFileName),
                model => run.Evaluate(model), plan.Alphas));
        return [ExperimentAlphaPoint.Of(seed, 0, plain.Metrics),
            .. merged.Select(p => ExperimentAlphaPoint.Of(seed, p.Alpha, p.Metrics)),
            ExperimentAlphaPoint.Of(seed, 1, negatives.Metrics)];
    }

    private static string Pretrain(ExperimentPlan plan, int seed, ConceptWorldDataset world, IExperimentObserver observer,
        CancellationToken cancellation)
    {
        string directory = Path.Combine(plan.Directory, $"seed-{seed.ToString(CultureInfo.InvariantCulture)}", "pretrain");
        StartFresh(directory);
        Preset plain = plan.PresetOf(ExperimentArm.Plain, seed);
        Preset preset = plain with { Schedule = plain.Schedule with { Steps = plan.PretrainSteps } };
        using ClipModel model = Train(new PresetRun(preset, world), directory, $"seed {seed} pretrain (k=0)", initialWeights: null,
            twinBatches: false, plan.Device, observer, cancellation);
        string weights = Path.Combine(directory, "weights.bin");
        model.save(weights);
        return weights;
    }

    // Pre-training and every arm train alike: a fresh model (or the pre-trained weights) under the observer's display.
    private static ClipModel Train(PresetRun run, string directory, string label, string? initialWeights, bool twinBatches,
        string device, IExperimentObserver observer, CancellationToken cancellation)
    {
        ClipModel model = run.CreateModel();
        try
        {
            if (initialWeights is not null)
            {
                model.load(initialWeights);
            }
            observer.Train(label, run.Preset.Schedule.Steps, progress =>
                run.Train(model, directory, device, progress, new TrainingRunOptions(TwinBatches: twinBatches), cancellation));
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
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
}

/// <summary>What <see cref="ExperimentRunner.Run"/> produced.</summary>
/// <param name="Report">The report (also in <c>report.json</c>).</param>
/// <param name="Directory">The experiment folder.</param>
/// <param name="PlotProblem">Why PNG plots could not be drawn, or null.</param>
public sealed record ExperimentResult(ExperimentReport Report, string Directory, string? PlotProblem);
