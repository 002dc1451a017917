using System.Text;
using System.Text.Json;
using HardNegRules.Data.IO;
using TorchSharp;

namespace HardNegRules.Training.Checkpoints;

/// <summary>
/// Reads and writes a training checkpoint as one file: a magic header, the <see cref="CheckpointState"/> as JSON, the
/// model's state dict (TorchSharp's format) and the optimizer's state. One file means one atomic replace: weights,
/// optimizer and position can never come from different steps. A readable copy of the state goes to a
/// <c>.json</c> sidecar next to it (informative; the embedded copy is authoritative).
/// </summary>
public static class CheckpointFile
{
    private static readonly byte[] Magic = "HNRCKPT1"u8.ToArray();
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The sidecar path for a checkpoint path.</summary>
    /// <param name="checkpointPath">The checkpoint file.</param>
    public static string SidecarPath(string checkpointPath) => Path.ChangeExtension(checkpointPath, ".json");

    /// <summary>
    /// Writes the checkpoint atomically: into a temporary file in the same directory (so the final rename stays on one
    /// file system), flushed to disk, then moved over <paramref name="path"/>. A crash or exception at any point leaves
    /// the previous checkpoint as it was.
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
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);

        AtomicFile.Write(path, stream =>
        {
            Stream target = wrapStream?.Invoke(stream) ?? stream;
            using var writer = new BinaryWriter(target, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            byte[] json = JsonSerializer.SerializeToUtf8Bytes(state, Json);
            writer.Write(json.Length);
            writer.Write(json);
            model.save(writer);
            SaveOptimizer(optimizer, writer);
            writer.Flush();
        });
        AtomicFile.Write(SidecarPath(path), stream => JsonSerializer.Serialize(stream, state, Json));
    }

    /// <summary>Reads only the state of a checkpoint (fast: no tensors are read).</summary>
    /// <param name="path">The checkpoint file.</param>
    /// <exception cref="InvalidDataException">The file is not a checkpoint of this format.</exception>
    public static CheckpointState ReadState(string path)
    {
        using FileStream stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        return ReadHeader(reader, path);
    }

    /// <summary>Loads a checkpoint into a model of the same architecture and an optimizer over its parameters.</summary>
    /// <param name="path">The checkpoint file.</param>
    /// <param name="model">Receives the saved parameters and buffers.</param>
    /// <param name="optimizer">Receives the saved optimizer state.</param>
    /// <returns>The checkpoint's state.</returns>
    /// <exception cref="InvalidDataException">The file is not a checkpoint of this format.</exception>
    public static CheckpointState Read(string path, torch.nn.Module model, torch.optim.Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        using FileStream stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        CheckpointState state = ReadHeader(reader, path);
        model.load(reader);
        LoadOptimizer(optimizer, reader);
        return state;
    }

    private static CheckpointState ReadHeader(BinaryReader reader, string path)
    {
        byte[] magic = reader.ReadBytes(Magic.Length);
        if (!magic.AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{path} is not a HardNegRules checkpoint (bad header).");
        }
        int length = reader.ReadInt32();
        if (length <= 0 || length > 1 << 20)
        {
            throw new InvalidDataException($"{path}: implausible state length {length}.");
        }
        CheckpointState state = JsonSerializer.Deserialize<CheckpointState>(reader.ReadBytes(length), Json)
            ?? throw new InvalidDataException($"{path}: empty state.");
        if (state.FormatVersion != CheckpointState.CurrentFormatVersion)
        {
            throw new InvalidDataException(
                $"{path}: checkpoint format {state.FormatVersion}, this version reads {CheckpointState.CurrentFormatVersion}.");
        }
        return state;
    }

    // The optimizer state is length-prefixed so that the reader knows where it ends regardless of how TorchSharp
    // lays it out.
    private static void SaveOptimizer(torch.optim.Optimizer optimizer, BinaryWriter writer)
    {
        using var buffer = new MemoryStream();
        using (var inner = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(inner);
        }
        writer.Write(buffer.Length);
        buffer.Position = 0;
        buffer.CopyTo(writer.BaseStream);
    }

    private static void LoadOptimizer(torch.optim.Optimizer optimizer, BinaryReader reader)
    {
        long length = reader.ReadInt64();
        using var buffer = new MemoryStream(reader.ReadBytes(checked((int)length)));
        using var inner = new BinaryReader(buffer);
        ((TorchSharp.Modules.OptimizerHelper)optimizer).load_state_dict(inner);
    }
}
