using TorchSharp;
using static TorchSharp.torch;

namespace HardNegRules.Training.Loss;

/// <summary>
/// Symmetric InfoNCE (CLIP's loss) with rule-generated hard-negative captions on the image-to-text side:
/// loss = (CE(image->text) + CE(text->image)) / 2 + w * ranking, where the text->image side ranks the positives only
/// and the optional ranking term is, averaged over the images that have hard negatives, the cross-entropy of the
/// image's own caption against its own hard negatives alone.
/// With no negatives in the batch it equals plain CLIP loss in both modes.
/// </summary>
/// <remarks>
/// Why a separate ranking term: in the contrastive term an image's k hard negatives are k columns among B in-batch
/// ones, so while the random negatives are not yet beaten they get a small share of the softmax and of the gradient.
/// The ranking term asks only "this caption, not its hard negative", at a strength the weight sets.
/// </remarks>
public sealed class HardNegativeLoss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="mode">How the hard negatives enter the image->text logits.</param>
    /// <param name="rankingWeight">Weight of the ranking term (caption against its own hard negatives); 0 leaves it out.</param>
    public HardNegativeLoss(HardNegativeMode mode, double rankingWeight = 0)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown hard-negative mode.");
        }
        if (!double.IsFinite(rankingWeight) || rankingWeight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rankingWeight), rankingWeight,
                "The ranking weight must be a finite number >= 0.");
        }
        Mode = mode;
        RankingWeight = rankingWeight;
    }

    /// <summary>How the hard negatives enter the image->text logits.</summary>
    public HardNegativeMode Mode { get; }

    /// <summary>Weight of the ranking term: each image's caption against its own hard negatives only.</summary>
    public double RankingWeight { get; }

    /// <summary>Computes the loss for one batch.</summary>
    /// <param name="imageEmbeddings">[B, D] image embeddings (normalised by the model).</param>
    /// <param name="textEmbeddings">[B, D] embeddings of the matching captions; row i belongs to image i.</param>
    /// <param name="negativeEmbeddings">[N, D] hard-negative caption embeddings grouped by image: first image 0's
    /// <c>negativeCounts[0]</c> rows, then image 1's, and so on; null or empty when N = 0.</param>
    /// <param name="negativeCounts">Hard negatives per image (length B, each >= 0, summing to N).</param>
    /// <param name="logitScale">Scalar multiplier of the cosine similarities (exp of the learnt log scale).</param>
    /// <param name="columnChooser">Replace mode only: draws which in-batch columns each row gives up. Seed it for
    /// reproducible runs. May be null when no image has negatives or in Append mode.</param>
    /// <returns>A scalar loss tensor.</returns>
    /// <remarks>Replace mode: an image with more than B-1 negatives uses its first B-1 (a row has only B-1 columns to give).</remarks>
    public Tensor Compute(Tensor imageEmbeddings, Tensor textEmbeddings, Tensor? negativeEmbeddings,
        IReadOnlyList<int> negativeCounts, Tensor logitScale, Random? columnChooser = null)
    {
        ArgumentNullException.ThrowIfNull(imageEmbeddings);
        ArgumentNullException.ThrowIfNull(textEmbeddings);
        ArgumentNullException.ThrowIfNull(negativeCounts);
        ArgumentNullException.ThrowIfNull(logitScale);
        int batch = checked((int)imageEmbeddings.shape[0]);
        int negatives = ValidateShapes(imageEmbeddings, textEmbeddings, negativeEmbeddings, negativeCounts);

        using Tensor targets = torch.arange(batch, ScalarType.Int64, imageEmbeddings.device);
        using Tensor imageToPositives = imageEmbeddings.matmul(textEmbeddings.t()) * logitScale;   // [B, B]
        using Tensor textToImage = imageToPositives.t();
        using Tensor textToImageLoss = nn.functional.cross_entropy(textToImage, targets);

        using Tensor imageToText = negatives == 0
            ? imageToPositives.alias()
            : ImageToTextWithNegatives(imageEmbeddings, imageToPositives, negativeEmbeddings!, negativeCounts,
                logitScale, columnChooser);
        using Tensor imageToTextLoss = nn.functional.cross_entropy(imageToText, targets);

        using Tensor sum = imageToTextLoss + textToImageLoss;
        using Scalar half = 0.5;
        if (negatives == 0 || RankingWeight == 0)
        {
            return sum * half;
        }
        using Tensor contrastive = sum * half;
        using Tensor ranking = RankingLoss(imageEmbeddings, textEmbeddings, negativeEmbeddings!, negativeCounts, logitScale);
        using Scalar weight = RankingWeight;
        using Tensor weighted = ranking * weight;
        return contrastive + weighted;
    }

    /// <summary>
    /// Mean over the images with at least one hard negative of -log softmax(own caption | own caption, own negatives).
    /// </summary>
    private static Tensor RankingLoss(Tensor imageEmbeddings, Tensor textEmbeddings, Tensor negativeEmbeddings,
        IReadOnlyList<int> negativeCounts, Tensor logitScale)
    {
        int batch = negativeCounts.Count;
        int widest = negativeCounts.Max();
        // Row i: column 0 is caption i, columns 1..k_i its negatives (rows of `candidates` = [captions; negatives]);
        // unused columns point at caption i and are masked to -inf.
        var index = new long[batch * (1 + widest)];
        var unused = new bool[batch * (1 + widest)];
        int withNegatives = 0;
        for (int row = 0, next = batch; row < batch; row++)
        {
            int count = negativeCounts[row];
            withNegatives += count > 0 ? 1 : 0;
            for (int column = 0; column <= widest; column++)
            {
                int at = row * (1 + widest) + column;
                bool used = column == 0 || column <= count;
                index[at] = used && column > 0 ? next + column - 1 : row;
                unused[at] = !used;
            }
            next += count;
        }
        using Tensor candidates = torch.cat([textEmbeddings, negativeEmbeddings], 0);                // [B+N, D]
        using Tensor flatIndex = torch.tensor(index, device: imageEmbeddings.device);
        using Tensor picked = candidates.index_select(0, flatIndex).view(batch, 1 + widest, -1);       // [B, 1+K, D]
        using Tensor similarity = torch.einsum("bd,bkd->bk", imageEmbeddings, picked) * logitScale;   // [B, 1+K]
        using Tensor mask = torch.tensor(unused, [batch, 1 + widest], device: imageEmbeddings.device);
        using Tensor logits = similarity.masked_fill(mask, NegativeInfinity);
        using Tensor zeros = torch.zeros(batch, ScalarType.Int64, imageEmbeddings.device);
        // A row with no negatives has only its caption: its loss is exactly 0, so the sum counts the others only.
        using Tensor perImage = nn.functional.cross_entropy(logits, zeros, reduction: nn.Reduction.None);
        using Tensor total = perImage.sum();
        using Scalar images = withNegatives;
        return total / images;
    }

    /// <summary>Plain CLIP loss: symmetric cross-entropy over the B x B similarity matrix.</summary>
    /// <param name="imageEmbeddings">[B, D].</param>
    /// <param name="textEmbeddings">[B, D].</param>
    /// <param name="logitScale">Scalar multiplier of the similarities.</param>
    /// <returns>A scalar loss tensor.</returns>
    public static Tensor ClipLoss(Tensor imageEmbeddings, Tensor textEmbeddings, Tensor logitScale) =>
        new HardNegativeLoss(HardNegativeMode.Append).Compute(imageEmbeddings, textEmbeddings, null,
            new int[imageEmbeddings.shape[0]], logitScale);

    private Tensor ImageToTextWithNegatives(Tensor imageEmbeddings, Tensor imageToPositives, Tensor negativeEmbeddings,
        IReadOnlyList<int> negativeCounts, Tensor logitScale, Random? columnChooser)
    {
        // Every image against every hard negative: [B, N]. Only the image's own block is used; computing the full
        // product is one matmul and cheaper than gathering per row.
        using Tensor imageToNegatives = imageEmbeddings.matmul(negativeEmbeddings.t()) * logitScale;
        using Tensor all = torch.cat([imageToPositives, imageToNegatives], 1);                          // [B, B+N]
        return Mode == HardNegativeMode.Append
            ? AppendOwnNegatives(all, negativeCounts)
            : ReplaceRandomColumns(all, negativeCounts,
                columnChooser ?? throw new ArgumentNullException(nameof(columnChooser),
                    "Replace mode needs a seeded Random to choose the replaced columns."));
    }

    /// <summary>Masks out other images' negatives: row i keeps the B positives and its own negatives.</summary>
    private static Tensor AppendOwnNegatives(Tensor all, IReadOnlyList<int> negativeCounts)
    {
        int batch = negativeCounts.Count;
        int columns = checked((int)all.shape[1]);
        var foreign = new bool[batch * columns];
        int start = batch;
        for (int row = 0; row < batch; row++)
        {
            int end = start + negativeCounts[row];
            for (int column = batch; column < columns; column++)
            {
                foreign[row * columns + column] = column < start || column >= end;
            }
            start = end;
        }
        using Tensor mask = torch.tensor(foreign, [batch, columns], device: all.device);
        return all.masked_fill(mask, NegativeInfinity);
    }

    /// <summary>
    /// Builds each row from B columns of <paramref name="all"/>: its positive stays on the diagonal and k randomly
    /// chosen in-batch negatives are swapped for the row's k hard negatives. A gather keeps the gradient path to both.
    /// </summary>
    private static Tensor ReplaceRandomColumns(Tensor all, IReadOnlyList<int> negativeCounts, Random columnChooser)
    {
        int batch = negativeCounts.Count;
        var source = new long[batch * batch];
        var candidates = new int[Math.Max(batch - 1, 0)];
        int firstNegative = batch;
        for (int row = 0; row < batch; row++)
        {
            for (int column = 0; column < batch; column++)
            {
                source[row * batch + column] = column;
            }

            int replaced = Math.Min(negativeCounts[row], batch - 1);
            // Partial Fisher-Yates over the row's in-batch negatives (every column but the diagonal).
            for (int c = 0, n = 0; c < batch; c++)
            {
                if (c != row)
                {
                    candidates[n++] = c;
                }
            }
            for (int j = 0; j < replaced; j++)
            {
                int pick = j + columnChooser.Next(candidates.Length - j);
                (candidates[j], candidates[pick]) = (candidates[pick], candidates[j]);
                source[row * batch + candidates[j]] = firstNegative + j;
            }
            firstNegative += negativeCounts[row];
        }
        using Tensor index = torch.tensor(source, [batch, batch], device: all.device);
        return all.gather(1, index);
    }

    /// <summary>
    /// Filled into masked logits. A <see cref="Scalar"/> owns native memory: one made implicitly for a call can be
    /// finalized by the GC while libtorch still reads it, so the loss keeps its scalars alive itself.
    /// </summary>
    private static readonly Scalar NegativeInfinity = float.NegativeInfinity;

    private static int ValidateShapes(Tensor images, Tensor texts, Tensor? negatives, IReadOnlyList<int> counts)
    {
        if (images.dim() != 2 || texts.dim() != 2 || !images.shape.SequenceEqual(texts.shape))
        {
            throw new ArgumentException(
                $"Image and text embeddings must both be [B, D]; got [{string.Join(", ", images.shape)}] and " +
                $"[{string.Join(", ", texts.shape)}].");
        }
        if (counts.Count != images.shape[0])
        {
            throw new ArgumentException($"Expected {images.shape[0]} negative counts, got {counts.Count}.", nameof(counts));
        }
        int total = 0;
        foreach (int count in counts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count, nameof(counts));
            total = checked(total + count);
        }
        long rows = negatives is null ? 0 : negatives.shape[0];
        if (rows != total || (negatives is not null && total > 0 && negatives.shape[1] != images.shape[1]))
        {
            throw new ArgumentException(
                $"The negative counts sum to {total} but {rows} negative embeddings were given (or their width differs).",
                nameof(negatives));
        }
        return total;
    }
}
