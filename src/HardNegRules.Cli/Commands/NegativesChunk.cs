using System.Collections.Concurrent;
using System.Text;
using HardNegRules.Data.Captions;
using HardNegRules.Output;
using HardNegRules.Permutation;

namespace HardNegRules.Cli.Commands;

/// <summary>One chunk of captions turned into output on a worker thread: its bytes (JSONL) or rows (NegCLIP TSV), and its counts.</summary>
internal sealed class NegativesChunk
{
    public MemoryStream? Json { get; init; }

    public List<string>? Rows { get; init; }

    public int Captions { get; set; }

    public int WithNegatives { get; set; }

    public long Negatives { get; set; }
}

/// <summary>
/// Makes each chunk's negatives and formats them, safe to call from many threads at once: the permuter is immutable and
/// each caption's draw is seeded by its id alone, so a chunk's output does not depend on which thread made it or when.
/// The JSONL chunks' buffers are pooled: they are returned once written, so a long run reuses a few of them.
/// </summary>
internal sealed class NegativesChunkFormatter(RulePermuter permuter, ulong mask, NegativesSettings settings)
{
    private readonly ConcurrentBag<MemoryStream> _buffers = [];

    public NegativesChunk Format(IReadOnlyList<CaptionRecord> records)
    {
        var chunk = settings.Format == NegativesFormat.Jsonl
            ? new NegativesChunk { Json = _buffers.TryTake(out MemoryStream? buffer) ? buffer : new MemoryStream() }
            : new NegativesChunk { Rows = new List<string>(records.Count) };
        using NegativeJsonWriter? json = chunk.Json is null ? null : new NegativeJsonWriter(chunk.Json);
        foreach (CaptionRecord record in records)
        {
            IReadOnlyList<HardNegative> found = permuter.Permute(record.Caption, settings.K, NegativeSeed.For(settings.Seed, record.Id, settings.Epoch), mask);
            if (json is not null)
            {
                json.Write(record.Id, record.IdIsNumber, record.Caption, found);
            }
            else if (NegClipTsvWriter.Row(record.Caption, settings.ImageRoot + (record.ImageFile ?? string.Empty), found) is { } row)
            {
                chunk.Rows!.Add(row);
            }

            chunk.Captions++;
            chunk.Negatives += found.Count;
            chunk.WithNegatives += found.Count > 0 ? 1 : 0;
        }

        return chunk;
    }

    /// <summary>Writes a chunk in order: JSONL bytes as they are, TSV rows numbered by <paramref name="tsv"/>.</summary>
    public void Write(NegativesChunk chunk, Stream output, NegClipTsvWriter? tsv)
    {
        if (chunk.Json is { } buffer)
        {
            output.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
            buffer.SetLength(0);
            _buffers.Add(buffer);
            return;
        }

        foreach (string row in chunk.Rows!)
        {
            tsv!.WriteRow(row);
        }
    }

    /// <summary>The encoding of the TSV (UTF-8 without a byte order mark, as pandas reads it).</summary>
    public static Encoding TsvEncoding { get; } = new UTF8Encoding(false);
}
