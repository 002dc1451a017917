using HardNegRules.Data.Captions;
using HardNegRules.Data.IO;
using HardNegRules.Negatives;

namespace HardNegRules.Data.Negatives;

/// <summary>
/// The file-to-file workflow of <c>hardneg negatives</c>: a captions file (text, JSONL or COCO captions JSON) in, a
/// negatives file (the JSONL contract or NegCLIP's TSV) out, written whole or not at all and never over the input.
/// </summary>
/// <param name="input">The captions file.</param>
/// <param name="output">The negatives file to write.</param>
/// <param name="inputFormat">The captions file's format (detected from the file when not given).</param>
public sealed class NegativesFile(string input, string output, CaptionFormat inputFormat)
{
    /// <summary>The captions file.</summary>
    public string Input { get; } = input;

    /// <summary>The negatives file.</summary>
    public string Output { get; } = output;

    /// <summary>The captions file's format.</summary>
    public CaptionFormat InputFormat { get; } = inputFormat;

    /// <summary>Checks that the files can be used as asked, before any negative is made.</summary>
    /// <param name="input">The captions file.</param>
    /// <param name="output">The negatives file to write.</param>
    /// <param name="inputFormat">The captions file's format; null detects it from the file.</param>
    /// <param name="format">The output's format.</param>
    /// <returns>The checked pair of files.</returns>
    /// <exception cref="ArgumentException">The input is not a regular file, the output is the input, or NegCLIP's TSV is
    /// asked of captions without images.</exception>
    public static NegativesFile Check(string input, string output, CaptionFormat? inputFormat, NegativesFormat format)
    {
        FileStatus.RequireRegularFile(input, "input");
        if (FileStatus.SameFile(input, output))
        {
            throw new ArgumentException($"--output '{output}' is the input file (or a link to it); write the negatives to another file.");
        }

        CaptionFormat detected = inputFormat ?? CaptionFileReader.Detect(input);
        if (format == NegativesFormat.Negclip && detected == CaptionFormat.Text)
        {
            throw new ArgumentException(
                "--format negclip needs each caption's image, which a plain text file does not give; use a COCO captions JSON or JSONL with \"filepath\" or \"file_name\".");
        }
        return new NegativesFile(input, output, detected);
    }

    /// <summary>Runs <paramref name="job"/> over the captions into the output, replaced atomically when complete.</summary>
    /// <param name="job">Makes and formats the negatives.</param>
    /// <param name="onError">Receives each unreadable record (which is skipped).</param>
    /// <param name="progress">Receives the number of captions done.</param>
    /// <param name="cancellation">Stops the job; the output is then not written.</param>
    /// <returns>What was written.</returns>
    public NegativesSummary Write(NegativesJob job, Action<CaptionReadError> onError, IProgress<long>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        NegativesSummary summary = null!;
        using ICaptionSource source = CaptionSources.Open(Input, onError, InputFormat);
        AtomicFile.Write(Output, stream => summary = job.Run(source, stream, progress, cancellation));
        return summary;
    }
}
