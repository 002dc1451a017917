using System.IO.Hashing;

namespace HardNegRules.Training.Checkpoints;

/// <summary>
/// A write-only stream over a checkpoint file that records each section's offset, length and XxHash3 as the bytes pass
/// through, so that sections stream to disk without being held in memory.
/// </summary>
internal sealed class SectionWriter(Stream inner) : Stream
{
    private readonly List<CheckpointSection> _sections = [];
    private XxHash3? _hash;
    private string? _name;
    private long _start;
    private long _position;

    /// <summary>The sections completed so far.</summary>
    public IReadOnlyList<CheckpointSection> Sections => _sections;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _position;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>Starts a section at the current position.</summary>
    /// <param name="name">The section's name.</param>
    public void Begin(string name)
    {
        if (_name is not null)
        {
            throw new InvalidOperationException($"Section '{_name}' is still open.");
        }
        (_name, _start, _hash) = (name, _position, new XxHash3());
    }

    /// <summary>Ends the open section.</summary>
    public void End()
    {
        string name = _name ?? throw new InvalidOperationException("No section is open.");
        _sections.Add(new CheckpointSection(name, _start, _position - _start, _hash!.GetCurrentHashAsUInt64()));
        (_name, _hash) = (null, null);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        _hash?.Append(buffer);
        _position += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
