using System.Globalization;
using HardNegRules.Data.Loaders;
using HardNegRules.Training.Checkpoints;
using HardNegRules.Training.Model;
using HardNegRules.Training.Presets;
using HardNegRules.Training.Training;

namespace HardNegRules.Training.Runs;

/// <summary>What <see cref="TrainingSession.Open"/> trains: a preset with changes, into a run folder.</summary>
public sealed record TrainingRequest
{
    /// <summary>The preset's name or YAML file.</summary>
    public string Preset { get; init; } = PresetCatalog.DefaultName;

    /// <summary>Changes to the preset; their paths are recorded absolute in <c>run.json</c>.</summary>
    public PresetEdits Edits { get; init; } = PresetEdits.None;

    /// <summary>The run folder; null for <c>runs/&lt;preset name&gt;</c>.</summary>
    public string? Directory { get; init; }

    /// <summary>Continue from the folder's checkpoint instead of starting a new run.</summary>
    public bool Resume { get; init; }

    /// <summary>Stop once this many steps are done (the schedule still spans all steps); null for all.</summary>
    public int? StopAfter { get; init; }

    /// <summary>cpu or cuda (cuda:N).</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>What holds the run folder's lock, shown to a second run (the command line).</summary>
    public string Command { get; init; } = "hardneg train";
}

/// <summary>
/// The workflow of <c>hardneg train</c>: a run folder locked for one run and checked (a new run never overwrites one,
/// a resumed run needs its checkpoint, temporary files of an interrupted write are removed), <c>run.json</c> written
/// so that <c>hardneg eval</c> can rebuild the run, then the preset's model trained into it.
/// </summary>
public sealed class TrainingSession : IDisposable
{
    private readonly RunFolderLock _lock;
    private readonly PresetRun _run;
    private readonly ClipModel _model;
    private readonly TrainingRequest _request;

    private TrainingSession(TrainingRequest request, RunFolderLock folderLock, PresetRun run, ClipModel model, string directory,
        int firstStep)
    {
        _request = request;
        _lock = folderLock;
        _run = run;
        _model = model;
        Directory = directory;
        FirstStep = firstStep;
    }

    /// <summary>The preset being trained, with the request's changes.</summary>
    public Preset Preset => _run.Preset;

    /// <summary>The run folder (full path).</summary>
    public string Directory { get; }

    /// <summary>The step training starts from: the checkpoint's when resuming, else 0.</summary>
    public int FirstStep { get; }

    /// <summary>Locks and checks the run folder, writes <c>run.json</c> for a new run, and builds the data and model.</summary>
    /// <param name="request">What to train.</param>
    /// <param name="dataReport">Where unreadable records and images are reported.</param>
    /// <param name="notice">Receives what the user should know before training starts: files removed, the run's size and data.</param>
    /// <returns>The session; dispose it to release the folder.</returns>
    /// <exception cref="ArgumentException">The folder cannot be used as asked (a run there already, or nothing to resume).</exception>
    /// <exception cref="IOException">Another run holds the folder.</exception>
    /// <exception cref="PresetException">The preset or a change is invalid.</exception>
    public static TrainingSession Open(TrainingRequest request, DataLoadReport? dataReport = null, Action<string>? notice = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        notice ??= _ => { };
        PresetEdits edits = request.Edits.WithAbsolutePaths();
        Preset preset = PresetCatalog.Load(request.Preset, edits);
        string directory = Path.GetFullPath(request.Directory ?? Path.Combine("runs", preset.Name));
        string checkpoint = Path.Combine(directory, Trainer.CheckpointFileName);
        if (request.Resume && !System.IO.Directory.Exists(directory))
        {
            throw new ArgumentException($"--resume: there is no run folder {directory}.");
        }
        RunFolderLock folderLock = RunFolderLock.Acquire(directory, request.Command);
        ClipModel? model = null;
        try
        {
            (int staleFiles, long staleBytes) = CheckpointFile.RemoveStaleTemporaryFiles(directory);
            if (staleFiles > 0)
            {
                notice(string.Create(CultureInfo.InvariantCulture,
                    $"Removed {staleFiles} temporary file(s) ({staleBytes / 1e6:0.0} MB) left in {directory} by an interrupted write."));
            }
            CheckFolder(request.Resume, directory, checkpoint);
            if (!request.Resume)
            {
                File.Delete(Path.Combine(directory, "metrics.jsonl")); // metrics are appended: a new run starts a new file
                new RunManifest(request.Preset, edits.ToOverrides()).Write(directory);
            }
            var run = new PresetRun(preset, dataReport: dataReport);
            int pairs = run.TrainingPairCount;
            model = run.CreateModel();
            int firstStep = request.Resume ? CheckpointFile.Verify(checkpoint).Step : 0; // every section, before the run starts
            notice(string.Create(CultureInfo.InvariantCulture,
                $"Training '{preset.Name}': {model.ParameterCount:N0} parameters, {pairs:N0} training pairs, k = {preset.Rules.K} ({preset.Rules.Mode}), {preset.Schedule.Steps} steps, seed {preset.Schedule.Seed}, from step {firstStep}."));
            if (!preset.Data.IsConceptWorld)
            {
                notice(string.Create(CultureInfo.InvariantCulture,
                    $"Data: {preset.Data.Source}, {run.RealData.HeldOut.Count:N0} held-out pairs ({run.RealData.HeldOutFrom}); model {(preset.Model.Weights is { } w ? $"starts from the weights in {w}" : "starts from a random initialisation (no model.weights given)")}."));
            }
            return new TrainingSession(request, folderLock, run, model, directory, firstStep);
        }
        catch
        {
            model?.Dispose();
            folderLock.Dispose();
            throw;
        }
    }

    /// <summary>Trains (from the checkpoint when resuming) until the schedule's end or the request's stop.</summary>
    /// <param name="progress">Receives a report after each step.</param>
    /// <param name="cancellation">Stops training after the current step (a checkpoint is written).</param>
    /// <returns>The result.</returns>
    /// <exception cref="InvalidOperationException">The checkpoint is of another set-up, or the device is absent.</exception>
    public TrainingResult Train(IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default) =>
        _run.Train(_model, Directory, _request.Device, progress, new TrainingRunOptions(Resume: _request.Resume, StopAfter: _request.StopAfter),
            cancellation);

    /// <summary>One line on how a training of this session ended: the step, loss and speed, and the checkpoint.</summary>
    /// <param name="result">What <see cref="Train"/> returned.</param>
    /// <returns>The line.</returns>
    public string Summary(TrainingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string done = result.Step == FirstStep
            ? "nothing to train: the run is complete"
            : string.Create(CultureInfo.InvariantCulture, $"loss {result.LastLoss:0.0000}  {result.SamplesPerSecond:0} samples/s");
        return string.Create(CultureInfo.InvariantCulture, $"step {result.Step}/{Preset.Schedule.Steps}  {done}  checkpoint {result.CheckpointPath}");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _model.Dispose();
        _lock.Dispose();
    }

    private static void CheckFolder(bool resume, string directory, string checkpoint)
    {
        if (resume && !File.Exists(checkpoint))
        {
            string previous = CheckpointFile.PreviousPath(checkpoint);
            throw new ArgumentException(File.Exists(previous)
                ? $"--resume: there is no checkpoint at {checkpoint}, but there is {previous}: move it to {checkpoint} to resume from it."
                : File.Exists(Path.Combine(directory, RunManifest.FileName))
                    ? $"--resume: there is no checkpoint at {checkpoint}: the run in {directory} stopped before its first checkpoint; train again without --resume."
                    : $"--resume: there is no checkpoint at {checkpoint}.");
        }
        if (!resume && File.Exists(checkpoint))
        {
            throw new ArgumentException($"{directory} already holds a run: pass --resume to continue it, or another --out.");
        }
    }
}
