using HardNegRules.Training.Evaluation;

namespace HardNegRules.Training.Tests.Evaluation;

[TestFixture]
public sealed class RetrievalMetricsTests
{
    // Recall at 1, 5 and 10 in one direction.
    private static double[] ImageToText(RetrievalRecall recall) =>
        [recall.ImageToTextR1, recall.ImageToTextR5, recall.ImageToTextR10];

    private static double[] TextToImage(RetrievalRecall recall) =>
        [recall.TextToImageR1, recall.TextToImageR5, recall.TextToImageR10];

    [Test]
    public void DiagonalMatrix_IsPerfectBothWays()
    {
        var scores = new CaptionImageScores([1, 0, 0, 0, 1, 0, 0, 0, 1], 3, 3);

        var result = RetrievalMetrics.Compute(scores, [0, 1, 2]);

        Assert.That(result, Is.EqualTo(new RetrievalRecall(1, 1, 1, 1, 1, 1)));
    }

    [Test]
    public void HandBuiltRanks_GiveKnownRecall_AndATieRanksTheMatchBelow()
    {
        // Rows are captions, columns images; caption c describes image c.
        float[] values =
        [
            0.9f, 0.1f, 0.2f, // c0: its image first.
            0.8f, 0.5f, 0.1f, // c1: one image above its own.
            0.3f, 0.4f, 0.2f, // c2: two images above its own.
        ];

        var result = RetrievalMetrics.Compute(new CaptionImageScores(values, 3, 3), [0, 1, 2]);

        Assert.That(TextToImage(result), Is.EqualTo(new double[] { 1 / 3.0, 1, 1 }));

        // Image columns: i0 = [.9 .8 .3] and i1 = [.1 .5 .4] rank their own caption first; i2 = [.2 .1 .2] ties c2
        // with c0, and a tie counts as a failure.
        Assert.That(ImageToText(result), Is.EqualTo(new double[] { 2 / 3.0, 1, 1 }));
    }

    [Test]
    public void SeveralCaptionsPerImage_ImageNeedsAnyOneOfThem_CaptionNeedsItsImage()
    {
        // c0, c1 describe i0; c2, c3 describe i1.
        float[] values =
        [
            0.1f, 0.8f, // c0
            0.9f, 0.7f, // c1
            0.5f, 0.6f, // c2
            0.2f, 0.1f, // c3
        ];

        var result = RetrievalMetrics.Compute(new CaptionImageScores(values, 4, 2), [0, 0, 1, 1]);

        // i0: c1 (0.9) is first although c0 (0.1) is last. i1: best own caption c2 (0.6) is below c0 and c1.
        Assert.That(ImageToText(result), Is.EqualTo(new double[] { 0.5, 1, 1 }));

        // c0 prefers i1 (miss), c1 i0 (hit), c2 i1 (hit), c3 i0 (miss).
        Assert.That(TextToImage(result), Is.EqualTo(new double[] { 0.5, 1, 1 }));
    }

    [Test]
    public void OwnCaptionsTiedWithEachOther_DoNotPushTheImageDown()
    {
        float[] values = [0.7f, 0.0f, 0.7f, 0.0f, 0.1f, 0.9f];

        var result = RetrievalMetrics.Compute(new CaptionImageScores(values, 3, 2), [0, 0, 1]);

        Assert.That(result.ImageToTextR1, Is.EqualTo(1));
    }

    [Test]
    public void AllScoresEqual_IsNoCreditAtAnyK_WhenThereAreMoreThanTenCandidates()
    {
        const int n = 12;
        var scores = new CaptionImageScores(Enumerable.Repeat(0.5f, n * n).ToArray(), n, n);

        var result = RetrievalMetrics.Compute(scores, Enumerable.Range(0, n).ToArray());

        Assert.That(ImageToText(result), Is.EqualTo(new double[] { 0, 0, 0 }));
        Assert.That(TextToImage(result), Is.EqualTo(new double[] { 0, 0, 0 }));
    }

    [TestCase(0, 1, 1, 1)]
    [TestCase(1, 0, 1, 1)]
    [TestCase(4, 0, 1, 1)]
    [TestCase(5, 0, 0, 1)]
    [TestCase(9, 0, 0, 1)]
    [TestCase(10, 0, 0, 0)]
    public void RankBoundaries_AreInclusiveOfK(int imagesAboveOwn, double r1, double r5, double r10)
    {
        // One caption, twelve images; its own image 11 is beaten by exactly imagesAboveOwn of the others.
        var row = new float[12];
        for (var image = 0; image < 11; image++)
        {
            row[image] = image < imagesAboveOwn ? 0.9f : 0.1f;
        }

        row[11] = 0.5f;
        var scores = new CaptionImageScores(row, 1, 12);

        var result = RetrievalMetrics.Compute(scores, [11]);

        Assert.That(TextToImage(result), Is.EqualTo(new double[] { r1, r5, r10 }));
    }

    [Test]
    public void NaNScoreOfTheMatch_IsAFailure()
    {
        float[] values = [float.NaN, 0.1f, 0.1f, 0.9f];

        var result = RetrievalMetrics.Compute(new CaptionImageScores(values, 2, 2), [0, 1]);

        Assert.That(result.TextToImageR1, Is.EqualTo(0.5));
        Assert.That(result.ImageToTextR1, Is.EqualTo(0.5));
    }

    [Test]
    public void MappingThatDoesNotFitTheMatrix_IsRejected()
    {
        var scores = new CaptionImageScores(new float[6], 3, 2);

        Assert.That(() => RetrievalMetrics.Compute(scores, [0, 1]), Throws.ArgumentException);
        Assert.That(() => RetrievalMetrics.Compute(scores, [0, 1, 2]), Throws.ArgumentException);
        Assert.That(() => RetrievalMetrics.Compute(scores, [0, 2, 0]), Throws.ArgumentException);
    }

    [Test]
    public void ImageWithoutCaption_IsADistractorButNoQuery()
    {
        // Caption 0 describes image 0; image 1 has no caption but outscores image 0 for caption 1.
        float[] values = [0.9f, 0.1f, 0.2f, 0.8f];

        var result = RetrievalMetrics.Compute(new CaptionImageScores(values, 2, 2), [0, 0]);

        Assert.That(ImageToText(result), Is.EqualTo(new double[] { 1, 1, 1 }));
        Assert.That(TextToImage(result), Is.EqualTo(new double[] { 0.5, 1, 1 }));
    }

    [Test]
    public void Matrix_RejectsAWrongNumberOfScores_AndReadsRowMajor()
    {
        Assert.That(() => new CaptionImageScores(new float[5], 2, 3), Throws.ArgumentException);

        var scores = new CaptionImageScores([1, 2, 3, 4, 5, 6], 2, 3);
        Assert.That(scores[1, 0], Is.EqualTo(4));
        Assert.That(scores.ScoresOfCaption(0).ToArray(), Is.EqualTo(new float[] { 1, 2, 3 }));
        Assert.That(() => scores[2, 0], Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
