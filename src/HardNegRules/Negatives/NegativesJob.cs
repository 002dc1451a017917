using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using HardNegRules.Output;
using HardNegRules.Permutation;

namespace HardNegRules.Negatives;

/// <summary>
/// Hard negatives for a whole captions input, written to a stream: the workflow behind <c>hardneg negatives</c>.
/// <see cref="NegativesJobOptions.Threads"/> workers (the calling thread is one) take turns reading a UTF-8 batch from
/// the source, permute and format it into pooled buffers, and write each chunk with one write, in input order, so the
/// output is byte for byte the same for any number of threads. Memory is bounded by the chunks in flight (a few per worker),
/// never by the input; for the NegCLIP TSV the rows go through a temporary spill file while the <c>neg_image</c>
/// neighbours, which need every row, are computed (their per-row concept terms are what is held).
/// </summary>
public sealed class NegativesJob
{
    private static readonly byte[] TsvHeader = "\ttitle\tfilepath\tneg_caption"u8.ToArray();
    private static readonly byte[] NegImageHeader = "\tneg_image"u8.ToArray();

    private readonly IPermuter _permuter;
    private readonly NegativesJobOptions _options;

    /// <summary>A job over <paramref name="permuter"/>.</summary>
    /// <param name="permuter">The permuter (shared by the workers).</param>
    /// <param name="options">What to make.</param>
    public NegativesJob(IPermuter permuter, NegativesJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(permuter);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _permuter = permuter;
        _options = options;
    }

    /// <summary>Reads every record of <paramref name="source"/> and writes the output to <paramref name="output"/>.</summary>
    /// <param name="source">The captions.</param>
    /// <param name="output">The output (not closed).</param>
    /// <param name="progress">Receives the number of captions done, now and then, from one worker at a time.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>What was done.</returns>
    /// <exception cref="IOException">The input is broken as a whole (a <see cref="CaptionInputException"/>) or the output failed; what was written is incomplete.</exception>
    public NegativesSummary Run(ICaptionSource source, Stream output, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        if (_options.Format == NegativesFormat.Jsonl)
        {
            return Produce(source, progress, (chunk, _) => output.Write(chunk.Bytes.WrittenSpan), cancellationToken);
        }

        string spillPath = Path.Combine(Path.GetTempPath(), $"hardneg-rows-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        using var spill = new FileStream(spillPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        var rowLengths = new List<int>();
        var neighbours = new ConceptNeighbours();
        NegativesSummary summary = Produce(source, progress, (chunk, _) =>
        {
            spill.Write(chunk.Bytes.WrittenSpan);
            for (int row = 0; row < chunk.Rows; row++)
            {
                rowLengths.Add(chunk.RowEnd(row) - (row == 0 ? 0 : chunk.RowEnd(row - 1)));
                neighbours.Add(chunk.Terms(row), chunk.ImageKey(row));
            }
        }, cancellationToken);
        int[][] nearest = _options.NegativeImages > 0 ? neighbours.Nearest(_options.NegativeImages, _options.Threads) : [];
        spill.Position = 0;
        WriteTsv(spill, rowLengths, nearest, output);
        return summary with { Rows = rowLengths.Count };
    }

    private NegativesSummary Produce(ICaptionSource source, IProgress<long>? progress, Action<FormattedChunk, long> write,
        CancellationToken cancellationToken)
    {
        var batches = new ConcurrentBag<CaptionBatch>();
        var chunks = new ConcurrentBag<FormattedChunk>();
        var formatters = new ConcurrentBag<NegativesFormatter>();
        long captions = 0;
        long withNegatives = 0;
        long negatives = 0;
        long rows = 0;
        long nextProgress = 1 << 16;
        OrderedChunkPipeline.Run(Batches(source, batches, cancellationToken), 1, _options.Threads,
            list =>
            {
                CaptionBatch batch = list[0];
                NegativesFormatter formatter = formatters.TryTake(out NegativesFormatter? f) ? f : new NegativesFormatter(_permuter, _options);
                FormattedChunk chunk = chunks.TryTake(out FormattedChunk? c) ? c : new FormattedChunk();
                formatter.Format(batch, chunk);
                formatters.Add(formatter);
                batch.Clear();
                batches.Add(batch);
                return chunk;
            },
            chunk =>
            {
                write(chunk, rows);
                captions += chunk.Captions;
                withNegatives += chunk.WithNegatives;
                negatives += chunk.Negatives;
                rows += chunk.Rows;
                chunks.Add(chunk);
                if (progress is not null && captions >= nextProgress)
                {
                    nextProgress = captions + (1 << 16);
                    progress.Report(captions);
                }
            },
            cancellationToken);
        return new NegativesSummary(captions, withNegatives, negatives, source.Unreadable, rows);
    }

    private IEnumerable<CaptionBatch> Batches(ICaptionSource source, ConcurrentBag<CaptionBatch> pool, CancellationToken cancellationToken)
    {
        long sequence = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CaptionBatch batch = pool.TryTake(out CaptionBatch? b) ? b : new CaptionBatch(_options.ChunkRecords);
            if (!source.Fill(batch))
            {
                yield break;
            }

            batch.Sequence = sequence++;
            yield return batch;
        }
    }

    // The TSV in row order: pandas' index, the row made by a worker, and its neg_image list.
    private void WriteTsv(Stream spill, List<int> rowLengths, int[][] nearest, Stream output)
    {
        var staged = new ArrayBufferWriter<byte>(1 << 20);
        staged.Write(TsvHeader);
        if (_options.NegativeImages > 0)
        {
            staged.Write(NegImageHeader);
        }

        staged.Write("\n"u8);
        byte[] row = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            for (int index = 0; index < rowLengths.Count; index++)
            {
                int length = rowLengths[index];
                if (row.Length < length)
                {
                    ArrayPool<byte>.Shared.Return(row);
                    row = ArrayPool<byte>.Shared.Rent(length);
                }

                spill.ReadExactly(row, 0, length);
                WriteNumber(staged, index);
                staged.Write("\t"u8);
                staged.Write(row.AsSpan(0, length));
                if (_options.NegativeImages > 0)
                {
                    staged.Write("\t["u8);
                    int[] near = nearest[index];
                    for (int n = 0; n < near.Length; n++)
                    {
                        if (n > 0)
                        {
                            staged.Write(", "u8);
                        }

                        WriteNumber(staged, near[n]);
                    }

                    staged.Write("]"u8);
                }

                staged.Write("\n"u8);
                if (staged.WrittenCount >= 1 << 20)
                {
                    output.Write(staged.WrittenSpan);
                    staged.ResetWrittenCount();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(row);
        }

        output.Write(staged.WrittenSpan);
    }

    private static void WriteNumber(ArrayBufferWriter<byte> output, long value)
    {
        _ = Utf8Formatter.TryFormat(value, output.GetSpan(20), out int written);
        output.Advance(written);
    }
}
