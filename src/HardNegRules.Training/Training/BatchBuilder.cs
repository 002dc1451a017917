using System.Runtime.ExceptionServices;
using HardNegRules.Training.Datasets;

namespace HardNegRules.Training.Training;

/// <summary>
/// Builds a step's <see cref="PreparedBatch"/>: reads the samples (on <paramref name="workers"/> threads: decoding
/// photos is the slow part for a small model), draws hard negatives and tokenises (in batch order, on one thread, as
/// the negative source requires). Each sample goes to its batch position, so the batch is the same for any thread count;
/// at most <paramref name="workers"/> images are being decoded at once.
/// </summary>
internal sealed class BatchBuilder(
    IImageTextDataset dataset,
    DataOrder order,
    Func<string, long[]> tokenize,
    IHardNegativeSource? negatives,
    int negativesPerCaption,
    int imageSize,
    int contextLength,
    int workers = 1)
{
    private readonly int _pixelsPerImage = 3 * imageSize * imageSize;

    public PreparedBatch Build(int step)
    {
        int epoch = order.EpochOf(step);
        ReadOnlySpan<int> indices = order.BatchOf(step);
        int batch = indices.Length;
        var pixels = new float[batch * _pixelsPerImage];
        var captionTokens = new long[batch * contextLength];
        var negativeCounts = new int[batch];
        var negativeTokens = new List<long[]>();
        ImageTextSample[] samples = Read(indices);

        // A paired data set fills the batch's second half with the partners of its first half.
        var paired = dataset as IPairedImageTextDataset;
        int half = paired is null ? batch : (batch + 1) / 2;
        for (int i = 0; i < batch; i++)
        {
            ImageTextSample sample = i < half ? samples[i] : paired!.Partner(indices[i - half]);
            if (sample.Pixels.Length != _pixelsPerImage)
            {
                throw new InvalidOperationException(
                    $"Sample {indices[i]} ('{sample.Id}') has {sample.Pixels.Length} pixel values; the model expects " +
                    $"3 x {imageSize} x {imageSize} = {_pixelsPerImage}.");
            }
            sample.Pixels.Span.CopyTo(pixels.AsSpan(i * _pixelsPerImage, _pixelsPerImage));

            // Empty counts as absent: a C# null array converts silently to an empty ReadOnlyMemory, and no real caption
            // tokenises to nothing (it has at least the start and end tokens).
            ReadOnlySpan<long> ids = sample.TokenIds is { Length: > 0 } given ? given.Span : tokenize(sample.Caption);
            CopyRow(ids, captionTokens.AsSpan(i * contextLength, contextLength), sample.Caption);

            if (negatives is not null && negativesPerCaption > 0)
            {
                IReadOnlyList<string> drawn = negatives.Negatives(sample.Caption, sample.Id, epoch, negativesPerCaption);
                int used = Math.Min(drawn.Count, negativesPerCaption);
                for (int n = 0; n < used; n++)
                {
                    var row = new long[contextLength];
                    CopyRow(tokenize(drawn[n]), row, drawn[n]);
                    negativeTokens.Add(row);
                }
                negativeCounts[i] = used;
            }
        }

        var tokens = new long[(batch + negativeTokens.Count) * contextLength];
        captionTokens.CopyTo(tokens, 0);
        for (int n = 0; n < negativeTokens.Count; n++)
        {
            negativeTokens[n].CopyTo(tokens, (batch + n) * contextLength);
        }
        return new PreparedBatch(step, epoch, batch, pixels, tokens, negativeCounts);
    }

    private ImageTextSample[] Read(ReadOnlySpan<int> indices)
    {
        var samples = new ImageTextSample[indices.Length];
        if (workers <= 1 || indices.Length <= 1)
        {
            for (int i = 0; i < samples.Length; i++)
            {
                samples[i] = dataset.GetSample(indices[i]);
            }
            return samples;
        }
        int[] positions = indices.ToArray();
        try
        {
            Parallel.For(0, positions.Length, new ParallelOptions { MaxDegreeOfParallelism = workers },
                i => samples[i] = dataset.GetSample(positions[i]));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            // The trainer reports the data set's own exception (e.g. "no image could be decoded"), not the wrapper.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return samples;
    }

    private void CopyRow(ReadOnlySpan<long> ids, Span<long> row, string text)
    {
        // Cutting here would drop the end-of-text token the text tower pools at: the tokenizer must cut (CLIP style).
        if (ids.Length > contextLength)
        {
            throw new InvalidOperationException(
                $"The tokenizer returned {ids.Length} ids for '{text}'; the model's context is {contextLength}.");
        }
        ids.CopyTo(row);
        row[ids.Length..].Clear();
    }
}
