using System.Buffers;
using System.Runtime.CompilerServices;

namespace HardNegRules.Negatives;

/// <summary>
/// One chunk's output, made on a worker and written in order: its bytes (JSONL lines, or NegCLIP rows without their
/// index), where each row ends, the concept terms of each row (for <c>neg_image</c>), and its counts. Pooled.
/// </summary>
public sealed class FormattedChunk
{
    private int[] _rowEnds = new int[256];
    private ulong[] _imageKeys = new ulong[256];
    private int[] _termEnds = new int[256];
    private int[] _terms = new int[1024];
    private int _termCount;

    /// <summary>The output bytes.</summary>
    public ArrayBufferWriter<byte> Bytes { get; } = new(1 << 16);

    /// <summary>Captions processed.</summary>
    public int Captions { get; set; }

    /// <summary>Captions with at least one negative.</summary>
    public int WithNegatives { get; set; }

    /// <summary>Negatives written.</summary>
    public long Negatives { get; set; }

    /// <summary>Rows in <see cref="Bytes"/>.</summary>
    public int Rows { get; private set; }

    /// <summary>Where row <paramref name="row"/> ends in <see cref="Bytes"/>.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The end offset.</returns>
    public int RowEnd(int row) => _rowEnds[row];

    /// <summary>Row <paramref name="row"/>'s image key (equal for rows of one image).</summary>
    /// <param name="row">The row.</param>
    /// <returns>The key.</returns>
    public ulong ImageKey(int row) => _imageKeys[row];

    /// <summary>The distinct concept terms of row <paramref name="row"/>.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The term indices.</returns>
    public ReadOnlySpan<int> Terms(int row) => _terms.AsSpan(row == 0 ? 0 : _termEnds[row - 1], _termEnds[row] - (row == 0 ? 0 : _termEnds[row - 1]));

    /// <summary>Empties the chunk for reuse.</summary>
    public void Clear()
    {
        Bytes.ResetWrittenCount();
        Captions = 0;
        WithNegatives = 0;
        Negatives = 0;
        Rows = 0;
        _termCount = 0;
    }

    /// <summary>Adds a term to the row being written (before <see cref="EndRow"/>), once.</summary>
    /// <param name="term">The term.</param>
    public void AddTerm(int term)
    {
        int rowStart = Rows == 0 ? 0 : _termEnds[Rows - 1];
        if (_terms.AsSpan(rowStart, _termCount - rowStart).Contains(term))
        {
            return;
        }

        if (_termCount == _terms.Length)
        {
            Array.Resize(ref _terms, _terms.Length * 2);
        }

        _terms[_termCount++] = term;
    }

    /// <summary>Ends the row whose bytes were just written.</summary>
    /// <param name="imageKey">Its image key.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndRow(ulong imageKey)
    {
        if (Rows == _rowEnds.Length)
        {
            Array.Resize(ref _rowEnds, Rows * 2);
            Array.Resize(ref _imageKeys, Rows * 2);
            Array.Resize(ref _termEnds, Rows * 2);
        }

        _rowEnds[Rows] = Bytes.WrittenCount;
        _imageKeys[Rows] = imageKey;
        _termEnds[Rows] = _termCount;
        Rows++;
    }
}
