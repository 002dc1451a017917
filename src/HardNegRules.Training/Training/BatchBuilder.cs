using HardNegRules.Training.Datasets;

namespace HardNegRules.Training.Training;

/// <summary>Builds a step's <see cref="PreparedBatch"/>: reads the samples, draws hard negatives, tokenises.</summary>
internal sealed class BatchBuilder(
    IImageTextDataset dataset,
    DataOrder order,
    Func<string, long[]> tokenize,
    IHardNegativeSource? negatives,
    int negativesPerCaption,
    int imageSize,
    int contextLength)
{
    private readonly int pixelsPerImage = 3 * imageSize * imageSize;

    public PreparedBatch Build(int step)
    {
        int epoch = order.EpochOf(step);
        ReadOnlySpan<int> indices = order.BatchOf(step);
        int batch = indices.Length;
        var pixels = new float[batch * pixelsPerImage];
        var captionTokens = new long[batch * contextLength];
        var negativeCounts = new int[batch];
        var negativeTokens = new List<long[]>();

        // A paired data set fills the batch's second half with the partners of its first half.
        var paired = dataset as IPairedImageTextDataset;
        int half = paired is null ? batch : (batch + 1) / 2;
        for (int i = 0; i < batch; i++)
        {
            ImageTextSample sample = i < half ? dataset.GetSample(indices[i]) : paired!.Partner(indices[i - half]);
            if (sample.Pixels.Length != pixelsPerImage)
            {
                throw new InvalidOperationException(
                    $"Sample {indices[i]} ('{sample.Id}') has {sample.Pixels.Length} pixel values; the model expects " +
                    $"3 x {imageSize} x {imageSize} = {pixelsPerImage}.");
            }
            sample.Pixels.Span.CopyTo(pixels.AsSpan(i * pixelsPerImage, pixelsPerImage));

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
