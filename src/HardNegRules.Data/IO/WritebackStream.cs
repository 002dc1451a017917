using System.Runtime.InteropServices;

namespace HardNegRules.Data.IO;

/// <summary>
/// A file being written that asks the operating system, every few megabytes, to start writing what it holds to disk.
/// Without that, a machine with plenty of memory keeps a file of gigabytes in its page cache until the final flush
/// (<see cref="FileStream.Flush(bool)"/>, which an atomic write needs), and the program then waits for all of it at
/// once; with it, the disk works while the program does, and the final flush waits only for the last part. The request
/// does not wait and changes nothing the file holds. Linux only (<c>sync_file_range</c>); elsewhere, and where the file
/// system refuses, the file is written as a plain <see cref="FileStream"/> would.
/// </summary>
internal sealed partial class WritebackStream(FileStream file) : Stream
{
    /// <summary>How many bytes are written between two requests.</summary>
    public const long Interval = 8L << 20;

    // SYNC_FILE_RANGE_WRITE: start writing the range's dirty pages, without waiting for any.
    private const uint StartWriting = 2;

    private readonly FileStream _file = file;
    private long _sinceRequest;
    private bool _refused = !OperatingSystem.IsLinux();

    /// <summary>The requests made so far (for tests).</summary>
    public int Requests { get; private set; }

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => _file.CanSeek;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => _file.Length;

    /// <inheritdoc />
    public override long Position
    {
        get => _file.Position;
        set => _file.Position = value;
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _file.Write(buffer);
        Wrote(buffer.Length);
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void WriteByte(byte value)
    {
        _file.WriteByte(value);
        Wrote(1);
    }

    /// <inheritdoc />
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _file.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        Wrote(buffer.Length);
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Flush() => _file.Flush();

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => _file.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);

    /// <inheritdoc />
    public override void SetLength(long value) => _file.SetLength(value);

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Wrote(int bytes)
    {
        _sinceRequest += bytes;
        if (_sinceRequest < Interval || _refused)
        {
            return;
        }

        _sinceRequest = 0;
        // The file stream's own buffer goes to the OS first, so the request covers everything written so far.
        _file.Flush();
        try
        {
            // Offset 0 and length 0: every page of the file not yet on its way to disk.
            if (SyncFileRange((int)_file.SafeFileHandle.DangerousGetHandle(), 0, 0, StartWriting) == 0)
            {
                Requests++;
            }
            else
            {
                _refused = true;
            }
        }
        catch (EntryPointNotFoundException)
        {
            _refused = true;
        }
        catch (DllNotFoundException)
        {
            _refused = true;
        }
    }

    [LibraryImport("libc", EntryPoint = "sync_file_range")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int SyncFileRange(int fd, long offset, long count, uint flags);
}
