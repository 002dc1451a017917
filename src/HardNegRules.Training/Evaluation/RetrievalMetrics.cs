namespace HardNegRules.Training.Evaluation;

/// <summary>Recall@1/5/10 for image-to-text and text-to-image retrieval over a caption-image score matrix.</summary>
/// <remarks>
/// Ranks are pessimistic: a candidate that scores the same as the match (or NaN) is ranked above it, so ties count as
/// failures and a model that scores everything alike gets no credit. A match is in the top k when fewer than k
/// non-matching candidates are not strictly below it. With several captions per image, image-to-text uses the image's
/// best-scoring caption; its other captions never push it down. Images without a caption are no image-to-text query,
/// but they still compete as distractors in text-to-image retrieval.
/// </remarks>
public static class RetrievalMetrics
{
    /// <summary>Computes recall in both directions. A direction without queries has recall 0 (JSON cannot carry NaN).</summary>
    /// <param name="scores">Every caption against every image.</param>
    /// <param name="imageOfCaption">For each caption (row), the image (column) it describes.</param>
    /// <returns>The recall.</returns>
    /// <exception cref="ArgumentException">The mapping does not fit the matrix.</exception>
    public static RetrievalRecall Compute(CaptionImageScores scores, IReadOnlyList<int> imageOfCaption)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var captionsOfImage = GroupCaptionsByImage(scores, imageOfCaption);

        var imageToText = new RecallCounter();
        for (var image = 0; image < scores.ImageCount; image++)
        {
            if (captionsOfImage[image].Count == 0)
            {
                continue;
            }

            imageToText.Add(RankOfBestCaption(scores, image, captionsOfImage[image], imageOfCaption));
        }

        var textToImage = new RecallCounter();
        for (var caption = 0; caption < scores.CaptionCount; caption++)
        {
            textToImage.Add(RankOfImage(scores.ScoresOfCaption(caption), imageOfCaption[caption]));
        }

        return new RetrievalRecall(imageToText.Share(1), imageToText.Share(5), imageToText.Share(10),
            textToImage.Share(1), textToImage.Share(5), textToImage.Share(10));
    }

    private static List<int>[] GroupCaptionsByImage(CaptionImageScores scores, IReadOnlyList<int> imageOfCaption)
    {
        ArgumentNullException.ThrowIfNull(imageOfCaption);
        if (imageOfCaption.Count != scores.CaptionCount)
        {
            throw new ArgumentException(
                $"The matrix has {scores.CaptionCount} captions but the mapping has {imageOfCaption.Count}.", nameof(imageOfCaption));
        }

        var captionsOfImage = new List<int>[scores.ImageCount];
        for (var image = 0; image < captionsOfImage.Length; image++)
        {
            captionsOfImage[image] = [];
        }

        for (var caption = 0; caption < imageOfCaption.Count; caption++)
        {
            var image = imageOfCaption[caption];
            if (image < 0 || image >= scores.ImageCount)
            {
                throw new ArgumentException($"Caption {caption} maps to image {image}, outside 0..{scores.ImageCount - 1}.", nameof(imageOfCaption));
            }

            captionsOfImage[image].Add(caption);
        }

        return captionsOfImage;
    }

    /// <summary>0-based pessimistic rank of the image's best own caption among all captions.</summary>
    private static int RankOfBestCaption(CaptionImageScores scores, int image, List<int> ownCaptions, IReadOnlyList<int> imageOfCaption)
    {
        var best = float.NaN;
        foreach (var caption in ownCaptions)
        {
            var score = scores[caption, image];
            if (!float.IsNaN(score) && (float.IsNaN(best) || score > best))
            {
                best = score;
            }
        }

        var rank = 0;
        for (var caption = 0; caption < scores.CaptionCount; caption++)
        {
            // A NaN best is beaten by everything: !(NaN > x) holds for every x.
            if (imageOfCaption[caption] != image && !(best > scores[caption, image]))
            {
                rank++;
            }
        }

        return rank;
    }

    /// <summary>0-based pessimistic rank of the caption's own image among all images.</summary>
    private static int RankOfImage(ReadOnlySpan<float> captionScores, int ownImage)
    {
        var own = captionScores[ownImage];
        var rank = 0;
        for (var image = 0; image < captionScores.Length; image++)
        {
            if (image != ownImage && !(own > captionScores[image]))
            {
                rank++;
            }
        }

        return rank;
    }

    /// <summary>Counts queries whose match ranks within 1, 5 and 10.</summary>
    private sealed class RecallCounter
    {
        private int _queries;
        private int _within1;
        private int _within5;
        private int _within10;

        public void Add(int rank)
        {
            _queries++;
            _within1 += rank < 1 ? 1 : 0;
            _within5 += rank < 5 ? 1 : 0;
            _within10 += rank < 10 ? 1 : 0;
        }

        public double Share(int k)
        {
            int within = k switch
            {
                1 => _within1,
                5 => _within5,
                10 => _within10,
                _ => throw new ArgumentOutOfRangeException(nameof(k), k, "Recall is counted at 1, 5 and 10."),
            };
            return _queries == 0 ? 0 : (double)within / _queries;
        }
    }
}
