namespace HardNegRules.Data.IO;

/// <summary>
/// Writes a file whole or not at all: the content goes to a temporary file beside the target, which replaces the target
/// only once it is complete and flushed. A crash or an exception midway leaves the previous file untouched. A large
/// file goes to disk while it is written (<see cref="WritebackStream"/>), so the final flush does not wait for all of it.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, atomically.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="write">Writes the content to the stream it is given (and leaves it open).</param>
    /// <param name="keepPreviousAs">When set and the target exists, the target is kept under this name: by a hard link
    /// where the file system has them (<see cref="File.Replace(string, string, string?, bool)"/>), so that the target's
    /// name always holds a whole file.</param>
    public static void Write(string path, Action<Stream> write, string? keepPreviousAs = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(new WritebackStream(stream));
                stream.Flush(flushToDisk: true);
            }

            if (keepPreviousAs is not null && File.Exists(full))
            {
                File.Replace(temp, full, Path.GetFullPath(keepPreviousAs), ignoreMetadataErrors: true);
            }
            else
            {
                File.Move(temp, full, overwrite: true);
            }
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The temporary file is named so that it is recognisably ours; leaving it is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
