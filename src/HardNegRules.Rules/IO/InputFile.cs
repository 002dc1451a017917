using System.Runtime.InteropServices;
using System.Text;

namespace HardNegRules.IO;

/// <summary>
/// Opens input files, and only regular files. A named pipe, a device or a folder given where a rule file, preset, data
/// file or image is expected is refused with <see cref="NotARegularFileException"/> before it is opened: opening a FIFO
/// for reading waits for a writer, so checking after the open would come too late. Every reader of user-given files goes
/// through here.
/// </summary>
/// <remarks>
/// The type is read with <c>statx(2)</c> on Linux (following links, as the open would). .NET's own file APIs do not tell
/// a FIFO or a device from a regular file on Unix. Elsewhere only folders and missing paths are told apart. The check and
/// the open are two steps: a path swapped for a pipe between them is not caught.
/// </remarks>
public static class InputFile
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int StatxBufferSize = 256;
    private const int ModeOffset = 28;
    private static bool _statxMissing;

    /// <summary>What <paramref name="path"/> names, following links.</summary>
    /// <param name="path">The path.</param>
    /// <returns>Its kind.</returns>
    public static InputFileKind KindOf(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (!_statxMissing && RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && StatxKind(path) is { } kind)
        {
            return kind;
        }

        return Directory.Exists(path) ? InputFileKind.Directory : File.Exists(path) ? InputFileKind.Regular : InputFileKind.Missing;
    }

    /// <summary>Throws unless <paramref name="path"/> is a regular file (or a link to one).</summary>
    /// <param name="path">The path.</param>
    /// <exception cref="FileNotFoundException">Nothing is at the path.</exception>
    /// <exception cref="NotARegularFileException">Something other than a regular file is.</exception>
    public static void EnsureRegular(string path)
    {
        InputFileKind kind = KindOf(path);
        if (kind == InputFileKind.Missing)
        {
            throw new FileNotFoundException($"'{path}' does not exist.", path);
        }

        if (kind != InputFileKind.Regular)
        {
            throw new NotARegularFileException(path, kind);
        }
    }

    /// <summary>Opens a regular file for reading (shared with other readers).</summary>
    /// <param name="path">The path.</param>
    /// <param name="bufferSize">The stream's buffer size (1 for none).</param>
    /// <param name="options">Open options, e.g. <see cref="FileOptions.SequentialScan"/>.</param>
    /// <returns>The stream.</returns>
    /// <exception cref="FileNotFoundException">Nothing is at the path.</exception>
    /// <exception cref="NotARegularFileException">The path is a pipe, device or folder.</exception>
    public static FileStream OpenRead(string path, int bufferSize = 4096, FileOptions options = FileOptions.None)
    {
        EnsureRegular(path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, options);
    }

    /// <summary>The bytes of a regular file.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The bytes.</returns>
    public static byte[] ReadAllBytes(string path)
    {
        EnsureRegular(path);
        return File.ReadAllBytes(path);
    }

    /// <summary>The text of a regular file, decoded as UTF-8 (a byte order mark is honoured) with U+FFFD for bad bytes.</summary>
    /// <param name="path">The path.</param>
    /// <param name="maxChars">Stop after this many characters plus one, so a caller can tell a file over its limit
    /// without holding all of it; null reads everything.</param>
    /// <returns>The text.</returns>
    public static string ReadAllText(string path, int? maxChars = null)
    {
        using FileStream stream = OpenRead(path);
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        if (maxChars is not { } max)
        {
            return reader.ReadToEnd();
        }

        var buffer = new char[Math.Min(max + 1, 1 << 16)];
        var text = new StringBuilder();
        int read;
        while (text.Length <= max && (read = reader.Read(buffer, 0, Math.Min(buffer.Length, max + 1 - text.Length))) > 0)
        {
            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }

    /// <summary>The lines of a regular file, read lazily as UTF-8; the file is checked when this is called.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> ReadLines(string path)
    {
        EnsureRegular(path);
        return File.ReadLines(path);
    }

    private static InputFileKind? StatxKind(string path)
    {
        var buffer = new byte[StatxBufferSize];
        int result;
        try
        {
            // The path goes as NUL-terminated UTF-8, as the file system APIs of .NET pass it on Unix.
            byte[] name = Encoding.UTF8.GetBytes(path + "\0");
            result = Statx(AtCurrentDirectory, name, 0, StatxType, buffer);
        }
        catch (EntryPointNotFoundException)
        {
            _statxMissing = true;
            return null;
        }

        if (result != 0)
        {
            // ENOENT and friends: let the portable check decide (it reports missing paths, and folders it can see).
            return Directory.Exists(path) || File.Exists(path) ? null : InputFileKind.Missing;
        }

        int mode = buffer[ModeOffset] | (buffer[ModeOffset + 1] << 8);
        return (mode & 0xF000) switch
        {
            0x8000 => InputFileKind.Regular,
            0x4000 => InputFileKind.Directory,
            0x1000 => InputFileKind.Fifo,
            0x2000 => InputFileKind.CharacterDevice,
            0x6000 => InputFileKind.BlockDevice,
            0xC000 => InputFileKind.Socket,
            _ => null,
        };
    }

    // int statx(int dirfd, const char *pathname, int flags, unsigned int mask, struct statx *statxbuf); glibc 2.28+.
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int directory, byte[] path, int flags, uint mask, [Out] byte[] buffer);
}
