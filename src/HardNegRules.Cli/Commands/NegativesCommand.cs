using System.Diagnostics;
using HardNegRules.Data.Captions;
using HardNegRules.Data.IO;
using HardNegRules.Negatives;
using HardNegRules.Permutation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HardNegRules.Cli.Commands;

/// <summary>
/// <c>hardneg negatives --input FILE --output FILE.jsonl</c>: hard negatives for a file of captions, in the JSONL contract
/// or NegCLIP's TSV. The work is <see cref="NegativesJob"/>'s; this command checks the paths, runs it into an atomic
/// output (written whole or not at all, never over the input) and prints what happened.
/// </summary>
internal sealed class NegativesCommand : Command<NegativesSettings>
{
    private const int ErrorsShown = 20;

    /// <inheritdoc />
    public override int Execute(CommandContext context, NegativesSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        FileStatus.RequireRegularFile(settings.Input, "input");
        if (FileStatus.SameFile(settings.Input, settings.Output))
        {
            throw new ArgumentException($"--output '{settings.Output}' is the input file (or a link to it); write the negatives to another file.");
        }

        CaptionFormat format = settings.InputFormat ?? CaptionFileReader.Detect(settings.Input);
        if (settings.Format == NegativesFormat.Negclip && format == CaptionFormat.Text)
        {
            throw new ArgumentException(
                "--format negclip needs each caption's image, which a plain text file does not give; use a COCO captions JSON or JSONL with \"filepath\" or \"file_name\".");
        }

        (IPermuter permuter, ulong mask) = settings.Resolve();
        var job = new NegativesJob(permuter, new NegativesJobOptions
        {
            K = settings.K,
            Seed = settings.Seed,
            Epoch = settings.Epoch,
            ConceptMask = mask,
            Threads = settings.Threads,
            Format = settings.Format,
            ImageRoot = settings.ImageRoot,
            NegativeImages = settings.NegativeImages,
        });
        var errors = new CaptionErrorLog(ErrorsShown);
        var clock = Stopwatch.StartNew();
        NegativesSummary summary = null!;
        CliErrors.Stderr.Status().Start("Writing negatives...", status =>
        {
            var progress = new InlineProgress<long>(captions => status.Status($"{captions:N0} captions, {captions / Math.Max(clock.Elapsed.TotalSeconds, 1e-3):N0}/s"));
            using ICaptionSource source = CaptionSources.Open(settings.Input, errors.Add, format);
            AtomicFile.Write(settings.Output, stream => summary = job.Run(source, stream, progress, cancellationToken));
        });

        foreach (CaptionReadError error in errors.First)
        {
            Console.Error.WriteLine($"{error}: skipped");
        }

        if (errors.Count > errors.First.Count)
        {
            Console.Error.WriteLine($"... and {errors.Count - errors.First.Count} more unreadable records.");
        }

        long leftOut = settings.Format == NegativesFormat.Negclip ? summary.Captions - summary.WithNegatives : 0;
        Console.Error.WriteLine(
            $"Wrote {summary.Captions:N0} records ({summary.WithNegatives:N0} with negatives, {summary.Negatives:N0} negatives) to {settings.Output} in {clock.Elapsed.TotalSeconds:N1} s; {errors.Count:N0} unreadable records skipped."
            + (settings.Format == NegativesFormat.Negclip ? $" {leftOut:N0} captions without negatives left out of the TSV (NegCLIP needs one per row)." : string.Empty));
        return 0;
    }
}
