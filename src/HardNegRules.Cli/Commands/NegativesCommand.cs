using System.Diagnostics;
using HardNegRules.Data.Captions;
using HardNegRules.Data.IO;
using HardNegRules.Output;
using HardNegRules.Permutation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HardNegRules.Cli.Commands;

/// <summary>
/// <c>hardneg negatives --input FILE --output FILE.jsonl</c>: hard negatives for a file of captions, in the JSONL contract.
/// Captions stream through in chunks: one thread reads, <c>--threads</c> workers make and format negatives, and the
/// output is written in input order, byte for byte the same for any number of threads. Memory is bounded by the chunks
/// in flight, not by the file. The output is written whole or not at all; unreadable records are reported with their
/// place, counted and skipped.
/// </summary>
public sealed class NegativesCommand : Command<NegativesSettings>
{
    // Large enough that handing a chunk between threads costs nothing next to making its negatives (~5 µs a caption).
    private const int ChunkSize = 512;
    private const int ErrorsShown = 20;

    /// <inheritdoc />
    public override int Execute(CommandContext context, NegativesSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        (RulePermuter permuter, ulong mask) = settings.Resolve();
        var formatter = new NegativesChunkFormatter(permuter, mask, settings);
        var errors = new CaptionErrorLog(ErrorsShown);
        long captions = 0;
        long withNegatives = 0;
        long negatives = 0;
        var clock = Stopwatch.StartNew();
        long nextStatus = 1 << 14;

        CliErrors.Stderr.Status().Start("Writing negatives...", status =>
        {
            AtomicFile.Write(settings.Output, stream =>
            {
                using var text = settings.Format == NegativesFormat.Negclip ? new StreamWriter(stream, NegativesChunkFormatter.TsvEncoding, 1 << 16, leaveOpen: true) : null;
                NegClipTsvWriter? tsv = text is null ? null : new NegClipTsvWriter(text);
                OrderedChunkPipeline.Run(CaptionFileReader.Read(settings.Input, errors.Add, settings.InputFormat), ChunkSize, settings.Threads,
                    formatter.Format,
                    chunk =>
                    {
                        formatter.Write(chunk, stream, tsv);
                        captions += chunk.Captions;
                        negatives += chunk.Negatives;
                        withNegatives += chunk.WithNegatives;
                        if (captions >= nextStatus)
                        {
                            nextStatus += 1 << 14;
                            status.Status($"{captions:N0} captions, {captions / Math.Max(clock.Elapsed.TotalSeconds, 1e-3):N0}/s");
                        }
                    },
                    cancellationToken);
            });
        });

        foreach (CaptionReadError error in errors.First)
        {
            Console.Error.WriteLine($"{error}: skipped");
        }

        if (errors.Count > errors.First.Count)
        {
            Console.Error.WriteLine($"... and {errors.Count - errors.First.Count} more unreadable records.");
        }

        long leftOut = settings.Format == NegativesFormat.Negclip ? captions - withNegatives : 0;
        Console.Error.WriteLine(
            $"Wrote {captions:N0} records ({withNegatives:N0} with negatives, {negatives:N0} negatives) to {settings.Output} in {clock.Elapsed.TotalSeconds:N1} s; {errors.Count:N0} unreadable records skipped."
            + (settings.Format == NegativesFormat.Negclip ? $" {leftOut:N0} captions without negatives left out of the TSV (NegCLIP needs one per row)." : string.Empty));
        return 0;
    }
}
