using System.Runtime.InteropServices;

namespace HardNegRules.Data.IO;

/// <summary>
/// A file's type and identity as the OS knows them (<c>stat</c>): whether it is a regular file (a FIFO or a device
/// blocks or never ends when opened for reading), and which file it is, whatever path or link reaches it (so an output
/// that is the input under another name is caught). On systems where this is not available it falls back to what .NET
/// tells: directories are known, identity is the full path with links resolved.
/// </summary>
public static partial class FileStatus
{
    private const int FileTypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    /// <summary>What kind of file is at <paramref name="path"/>, or null when nothing is there.</summary>
    /// <param name="path">The path (links followed).</param>
    /// <returns>"regular file", "directory", "FIFO (named pipe)", ... or null.</returns>
    public static string? Kind(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (TryStat(path, out _, out _, out int mode))
        {
            return (mode & FileTypeMask) switch
            {
                RegularFile => "regular file",
                0x4000 => "directory",
                0x1000 => "FIFO (named pipe)",
                0x2000 => "character device",
                0x6000 => "block device",
                0xC000 => "socket",
                _ => "special file",
            };
        }

        return Directory.Exists(path) ? "directory" : File.Exists(path) ? "regular file" : null;
    }

    /// <summary>Throws unless <paramref name="path"/> is an existing regular file (checked before it is opened).</summary>
    /// <param name="path">The file.</param>
    /// <param name="role">What the file is for, for the message ("input").</param>
    /// <exception cref="FileNotFoundException">Nothing is there.</exception>
    /// <exception cref="IOException">It is not a regular file.</exception>
    public static void RequireRegularFile(string path, string role)
    {
        ArgumentNullException.ThrowIfNull(path);
        string? kind = Kind(path);
        if (kind is null)
        {
            throw new FileNotFoundException($"The {role} file '{path}' does not exist.", path);
        }

        if (kind != "regular file")
        {
            throw new IOException($"The {role} '{path}' is a {kind}, not a regular file; give a file.");
        }
    }

    /// <summary>Whether two paths name the same file (same path, a link to it, or a hard link); false when either does not exist.</summary>
    /// <param name="first">A path.</param>
    /// <param name="second">Another path.</param>
    /// <returns>True when they are one file.</returns>
    public static bool SameFile(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (TryStat(first, out ulong device1, out ulong inode1, out _) && TryStat(second, out ulong device2, out ulong inode2, out _))
        {
            return device1 == device2 && inode1 == inode2;
        }

        return File.Exists(first) && File.Exists(second) && string.Equals(Resolved(first), Resolved(second), StringComparison.Ordinal);
    }

    private static string Resolved(string path) =>
        File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);

    // st_dev and st_ino lead struct stat on Linux x64 and arm64; st_mode follows st_nlink on x64 and precedes it on arm64.
    private static unsafe bool TryStat(string path, out ulong device, out ulong inode, out int mode)
    {
        device = 0;
        inode = 0;
        mode = 0;
        int modeOffset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => -1,
        };
        if (!OperatingSystem.IsLinux() || modeOffset < 0)
        {
            return false;
        }

        byte* buffer = stackalloc byte[256];
        try
        {
            if (Stat(path, buffer) != 0)
            {
                return false;
            }
        }
        catch (EntryPointNotFoundException)
        {
            // A C library older than glibc 2.33 exports stat only through __xstat.
            return false;
        }
        catch (DllNotFoundException)
        {
            return false;
        }

        device = *(ulong*)buffer;
        inode = *(ulong*)(buffer + 8);
        mode = *(int*)(buffer + modeOffset);
        return true;
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static unsafe partial int Stat(string path, byte* buffer);
}
