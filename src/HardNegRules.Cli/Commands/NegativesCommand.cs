using System.Diagnostics;
using HardNegRules.Data.Captions;
using HardNegRules.Data.Negatives;
using HardNegRules.Negatives;
using HardNegRules.Permutation;

namespace HardNegRules.Cli.Commands;

/// <summary>
/// <c>hardneg negatives --input FILE --output FILE.jsonl</c>: hard negatives for a file of captions, in the JSONL contract
/// or NegCLIP's TSV. The work is <see cref="NegativesFile"/>'s and <see cref="NegativesJob"/>'s; this command shows
/// its progress and prints what happened.
/// </summary>
internal sealed class NegativesCommand : Command<NegativesSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, NegativesSettings settings, CancellationToken cancellationToken)
    {
        var file = NegativesFile.Check(settings.Input, settings.Output!, settings.InputFormat, settings.Format);
        (IPermuter permuter, ulong mask) = settings.Resolve();
        var job = new NegativesJob(permuter, new NegativesJobOptions
        {
            K = settings.K,
            Seed = settings.Seed,
            Epoch = settings.Epoch,
            ConceptMask = mask,
            Threads = settings.Threads ?? Environment.ProcessorCount,
            Format = settings.Format,
            ImageRoot = settings.ImageRoot,
            NegativeImages = settings.NegativeImages,
        });
        var errors = new CaptionErrorLog();
        var clock = Stopwatch.StartNew();
        NegativesSummary summary = ConsoleDisplay.Updating("Writing negatives...", status => file.Write(job, errors.Add,
            new InlineProgress<long>(captions => status($"{captions:N0} captions, {captions / Math.Max(clock.Elapsed.TotalSeconds, 1e-3):N0}/s")),
            cancellationToken));

        errors.WriteTo(Console.Error);
        string leftOut = settings.Format == NegativesFormat.Negclip
            ? $" {summary.Captions - summary.WithNegatives:N0} captions without negatives left out of the TSV (NegCLIP needs one per row)." : string.Empty;
        Console.Error.WriteLine(
            $"Wrote {summary.Captions:N0} records ({summary.WithNegatives:N0} with negatives, {summary.Negatives:N0} negatives) to {settings.Output} in {clock.Elapsed.TotalSeconds:N1} s; {errors.Count:N0} unreadable records skipped.{leftOut}");
        return 0;
    }
}
