using System.Globalization;
using System.Text.Json;

namespace HardNegRules.Training.Runs;

/// <summary>
/// An exclusive lock on a run folder for the life of one run, so that two runs never write the same checkpoint,
/// <c>run.json</c> or <c>metrics.jsonl</c>. The lock is an operating-system record lock on <c>hardneg.lock</c> in the
/// folder: it is released when the holder exits, however it exits (a killed run leaves no stale lock). The file holds
/// the holder's process id, start time and command, so that a second run can say who holds the folder.
/// </summary>
public sealed class RunFolderLock : IDisposable
{
    /// <summary>The lock file's name inside the run folder.</summary>
    public const string FileName = "hardneg.lock";

    // Record locks belong to the process: a second lock from the same process would succeed, so this process's own
    // holds are tracked here too.
    private static readonly HashSet<string> HeldHere = new(StringComparer.Ordinal);

    private readonly FileStream _file;
    private readonly string _path;

    private RunFolderLock(FileStream file, string path)
    {
        _file = file;
        _path = path;
    }

    /// <summary>Takes the lock on <paramref name="directory"/> (created if missing), or fails at once.</summary>
    /// <param name="directory">The run folder.</param>
    /// <param name="command">What holds it, shown to a second run (e.g. the command line).</param>
    /// <returns>The lock; dispose it to release.</returns>
    /// <exception cref="IOException">Another run holds the folder; the message names it.</exception>
    public static RunFolderLock Acquire(string directory, string command)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(command);
        string full = Path.GetFullPath(directory);
        try
        {
            Directory.CreateDirectory(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{full}: cannot create the run folder ({e.Message}); use a folder you can write to.", e);
        }
        string path = Path.Combine(full, FileName);
        lock (HeldHere)
        {
            if (!HeldHere.Add(path))
            {
                throw new IOException($"{full} is in use by another run in this process; use another folder.");
            }
        }
        FileStream? file = null;
        try
        {
            file = Open(path, full);
            var holder = new LockHolder(Environment.ProcessId, DateTime.UtcNow, command);
            file.SetLength(0);
            file.Write(JsonSerializer.SerializeToUtf8Bytes(holder));
            file.Flush(flushToDisk: false);
            return new RunFolderLock(file, path);
        }
        catch
        {
            file?.Dispose();
            lock (HeldHere)
            {
                HeldHere.Remove(path);
            }
            throw;
        }
    }

    private static FileStream Open(string path, string folder)
    {
        if (OperatingSystem.IsMacOS())
        {
            // No record locks there: an exclusive open (flock) still keeps a second run out, without naming the holder.
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                throw new IOException($"{folder} is in use by another run: wait for it to finish, or use another folder.");
            }
        }
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{folder}: cannot write the run's lock file there ({e.Message}); use a folder you can write to.", e);
        }
        try
        {
            file.Lock(0, 1);
            return file;
        }
        catch (IOException)
        {
            string holder = Holder(file);
            file.Dispose();
            throw new IOException($"{folder} is in use by another run ({holder}): wait for it to finish, or use another folder.");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The file stays: deleting it could let a third run lock a new file while a second holds the old one.
        _file.SetLength(0);
        _file.Dispose();
        lock (HeldHere)
        {
            HeldHere.Remove(_path);
        }
    }

    private static string Holder(FileStream file)
    {
        try
        {
            byte[] bytes = new byte[Math.Min(file.Length, 4096)];
            file.Position = 0;
            file.ReadExactly(bytes);
            LockHolder? holder = JsonSerializer.Deserialize<LockHolder>(bytes);
            return holder is null
                ? "holder unknown"
                : string.Create(CultureInfo.InvariantCulture,
                    $"pid {holder.Pid}, started {holder.StartedUtc:yyyy-MM-dd HH:mm:ss} UTC: {holder.Command}");
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return "holder unknown";
        }
    }

    private sealed record LockHolder(int Pid, DateTime StartedUtc, string Command);
}
