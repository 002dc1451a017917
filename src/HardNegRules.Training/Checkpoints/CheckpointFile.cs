using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HardNegRules.Data.IO;
using TorchSharp;

namespace HardNegRules.Training.Checkpoints;

/// <summary>
/// Reads and writes a training checkpoint as one file of three checksummed sections (see
/// <see cref="CheckpointLayout"/>): the <see cref="CheckpointState"/> as JSON, the model's state dict (TorchSharp's
/// format) and the optimizer's state. One file means one atomic replace: weights, optimizer and position can never come
/// from different steps. Every write keeps the checkpoint it replaces as <c>NAME.prev.bin</c>, so the last two
/// checkpoints are on disk. Every read verifies the checksums first and names the file and the section that fails,
/// with the previous checkpoint to use instead. A readable copy of the state goes to a <c>.json</c> sidecar
/// (informative; the embedded copy is authoritative).
/// </summary>
public static partial class CheckpointFile
{
    /// <summary>The largest state section read, in bytes (the state is a few hundred bytes of JSON).</summary>
    public const int MaxStateBytes = 1 << 20;

    /// <summary>The deepest JSON nesting read in the state section (the state is flat: 1).</summary>
    public const int MaxStateDepth = 8;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, MaxDepth = MaxStateDepth };

    /// <summary>The sidecar path for a checkpoint path.</summary>
    /// <param name="checkpointPath">The checkpoint file.</param>
    public static string SidecarPath(string checkpointPath) => Path.ChangeExtension(checkpointPath, ".json");

    /// <summary>Where the checkpoint that a write of <paramref name="checkpointPath"/> replaced is kept.</summary>
    /// <param name="checkpointPath">The checkpoint file, e.g. <c>runs/cw/checkpoint.bin</c>.</param>
    /// <returns>E.g. <c>runs/cw/checkpoint.prev.bin</c>.</returns>
    public static string PreviousPath(string checkpointPath)
    {
        ArgumentNullException.ThrowIfNull(checkpointPath);
        string directory = Path.GetDirectoryName(checkpointPath) ?? string.Empty;
        return Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(checkpointPath)}.prev{Path.GetExtension(checkpointPath)}");
    }

    /// <summary>
    /// Writes the checkpoint atomically: into a temporary file in the same directory (so the final rename stays on one
    /// file system), flushed to disk, then moved over <paramref name="path"/>, whose old content becomes
    /// <see cref="PreviousPath"/>. A crash or exception at any point leaves the previous checkpoint as it was.
    /// </summary>
    /// <param name="path">The checkpoint file.</param>
    /// <param name="state">Step, data position and run identity.</param>
    /// <param name="model">The model whose parameters and buffers are saved.</param>
    /// <param name="optimizer">The optimizer whose state (moments, step counts) is saved.</param>
    public static void Write(string path, CheckpointState state, torch.nn.Module model, torch.optim.Optimizer optimizer) =>
        Write(path, state, model, optimizer, wrapStream: null);

    /// <summary>As <see cref="Write(string, CheckpointState, torch.nn.Module, torch.optim.Optimizer)"/>; tests wrap the
    /// stream to fail midway.</summary>
    internal static void Write(string path, CheckpointState state, torch.nn.Module model, torch.optim.Optimizer optimizer,
        Func<Stream, Stream>? wrapStream)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);

        WriteKeepingPrevious(path, stream =>
        {
            var sections = new SectionWriter(wrapStream?.Invoke(stream) ?? stream);
            sections.Write(CheckpointLayout.Magic);
            using var writer = new BinaryWriter(sections, Encoding.UTF8, leaveOpen: true);
            sections.Begin("state");
            writer.Write(JsonSerializer.SerializeToUtf8Bytes(state, Json));
            writer.Flush();
            sections.End();
            sections.Begin("model");
            model.save(writer);
            writer.Flush();
            sections.End();
            sections.Begin("optimizer");
            ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(writer);
            writer.Flush();
            sections.End();
            CheckpointLayout.WriteTable(sections, sections.Sections, sections.Position);
            sections.Flush();
        });
        AtomicFile.Write(SidecarPath(path), stream => JsonSerializer.Serialize(stream, state, Json));
    }

    /// <summary>Reads only the state of a checkpoint, verifying the section table and the state's checksum (fast: no
    /// tensors are read).</summary>
    /// <param name="path">The checkpoint file.</param>
    /// <returns>The state.</returns>
    /// <exception cref="CheckpointException">The file is not a checkpoint of this format, or is damaged.</exception>
    public static CheckpointState ReadState(string path) => WithPreviousSuggested(path, () =>
    {
        using FileStream file = OpenForReading(path);
        IReadOnlyList<CheckpointSection> sections = CheckpointLayout.ReadTable(file, path);
        return ReadStateSection(file, path, sections[0]);
    });

    /// <summary>Verifies every section of a checkpoint against its checksum, without loading tensors.</summary>
    /// <param name="path">The checkpoint file.</param>
    /// <returns>The state.</returns>
    /// <exception cref="CheckpointException">The file is not a checkpoint of this format, or is damaged.</exception>
    public static CheckpointState Verify(string path) => WithPreviousSuggested(path, () => VerifyAll(path));

    /// <summary>Loads a checkpoint into a model of the same architecture and an optimizer over its parameters. Every
    /// checksum is verified before anything is loaded.</summary>
    /// <param name="path">The checkpoint file.</param>
    /// <param name="model">Receives the saved parameters and buffers.</param>
    /// <param name="optimizer">Receives the saved optimizer state.</param>
    /// <returns>The checkpoint's state.</returns>
    /// <exception cref="CheckpointException">The file is not a checkpoint of this format, is damaged, or does not fit
    /// the model.</exception>
    public static CheckpointState Read(string path, torch.nn.Module model, torch.optim.Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        return WithPreviousSuggested(path, () =>
        {
            using FileStream file = OpenForReading(path);
            IReadOnlyList<CheckpointSection> sections = CheckpointLayout.ReadTable(file, path);
            foreach (CheckpointSection section in sections)
            {
                CheckpointLayout.Verify(file, path, section);
            }
            CheckpointState state = ReadStateSection(file, path, sections[0]);
            using var reader = new BinaryReader(file, Encoding.UTF8, leaveOpen: true);
            Load(file, path, sections[1], () => model.load(reader));
            Load(file, path, sections[2], () => ((TorchSharp.Modules.OptimizerHelper)optimizer).load_state_dict(reader));
            return state;
        });
    }

    /// <summary>
    /// Deletes the temporary files that killed checkpoint and output writes left in <paramref name="directory"/>
    /// (<c>.NAME.PID.GUID.tmp</c>). Call it only while holding the folder's run lock: then no write is in progress.
    /// </summary>
    /// <param name="directory">The run folder.</param>
    /// <returns>How many files were removed, and their total size in bytes.</returns>
    public static (int Files, long Bytes) RemoveStaleTemporaryFiles(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            return (0, 0);
        }
        int files = 0;
        long bytes = 0;
        foreach (FileInfo file in new DirectoryInfo(directory).EnumerateFiles(".*.tmp"))
        {
            if (TemporaryName().IsMatch(file.Name))
            {
                long length = file.Length;
                file.Delete();
                files++;
                bytes += length;
            }
        }
        return (files, bytes);
    }

    // The old checkpoint stays as the previous one, so a damaged latest checkpoint has a fallback.
    private static void WriteKeepingPrevious(string path, Action<Stream> write) =>
        AtomicFile.Write(path, write, keepPreviousAs: PreviousPath(Path.GetFullPath(path)));

    private static CheckpointState VerifyAll(string path)
    {
        using FileStream file = OpenForReading(path);
        IReadOnlyList<CheckpointSection> sections = CheckpointLayout.ReadTable(file, path);
        foreach (CheckpointSection section in sections)
        {
            CheckpointLayout.Verify(file, path, section);
        }
        return ReadStateSection(file, path, sections[0]);
    }

    private static FileStream OpenForReading(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
    }

    private static CheckpointState ReadStateSection(FileStream file, string path, CheckpointSection section)
    {
        if (section.Length is 0 or > MaxStateBytes)
        {
            throw new CheckpointException(path, section.Name,
                $"{path}: the 'state' section has {section.Length:N0} bytes; a state has 1 to {MaxStateBytes:N0}.");
        }
        CheckpointLayout.Verify(file, path, section);
        byte[] json = new byte[section.Length];
        file.Position = section.Offset;
        file.ReadExactly(json);
        CheckpointState? state;
        try
        {
            state = JsonSerializer.Deserialize<CheckpointState>(json, Json);
        }
        catch (JsonException e)
        {
            throw new CheckpointException(path, section.Name, $"{path}: the 'state' section is not a checkpoint state ({e.Message}).", e);
        }
        if (state is null || state.Model is null)
        {
            throw new CheckpointException(path, section.Name, $"{path}: the 'state' section is empty.");
        }
        if (state.FormatVersion != CheckpointState.CurrentFormatVersion)
        {
            throw new CheckpointException(path, section.Name,
                $"{path}: checkpoint state format {state.FormatVersion}; this hardneg reads {CheckpointState.CurrentFormatVersion}.");
        }
        return state;
    }

    // The section's checksum has been verified: a failure here means the bytes are whole but not for this model.
    private static void Load(FileStream file, string path, CheckpointSection section, Action load)
    {
        file.Position = section.Offset;
        try
        {
            load();
        }
        catch (Exception e) when (e is not CheckpointException and not OutOfMemoryException)
        {
            throw new CheckpointException(path, section.Name,
                $"{path}: the '{section.Name}' section does not fit this model ({e.Message.Split('\n')[0].Trim()}).", e);
        }
        if (file.Position != section.Offset + section.Length)
        {
            throw new CheckpointException(path, section.Name,
                $"{path}: the '{section.Name}' section was not read to its end: it does not fit this model.");
        }
    }

    // A failure of the latest checkpoint names the previous one, so that the user knows what is left to resume from.
    private static T WithPreviousSuggested<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (CheckpointException e)
        {
            throw new CheckpointException(e.CheckpointPath, e.Section, e.Message + " " + PreviousAdvice(path), e);
        }
    }

    private static string PreviousAdvice(string path)
    {
        string previous = PreviousPath(path);
        if (path.EndsWith(".prev" + Path.GetExtension(path), StringComparison.Ordinal) || !File.Exists(previous))
        {
            return "No previous checkpoint is kept beside it.";
        }
        try
        {
            int step = VerifyAll(previous).Step;
            return string.Create(CultureInfo.InvariantCulture,
                $"The previous checkpoint {previous} (step {step}) is intact: evaluate it with --checkpoint {previous}, or move it over {path} to resume from it.");
        }
        catch (Exception e) when (e is CheckpointException or IOException or UnauthorizedAccessException)
        {
            return $"The previous checkpoint {previous} cannot be used either.";
        }
    }

    [GeneratedRegex(@"^\..+\.[0-9]+\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryName();
}
