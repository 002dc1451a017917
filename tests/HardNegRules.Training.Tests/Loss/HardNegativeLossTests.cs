using HardNegRules.Training.Loss;
using static TorchSharp.torch;

namespace HardNegRules.Training.Tests.Loss;

/// <summary>
/// The loss against values written out by hand. With a logit scale of 1 the logits are plain dot products, so each row's
/// cross-entropy is -logit(target) + log(sum(exp(logits))).
/// </summary>
public class HardNegativeLossTests : TorchTestBase
{
    private static readonly double E = Math.E;

    private static Tensor Rows(params float[][] rows) =>
        torch.tensor(rows.SelectMany(r => r).ToArray(), [rows.Length, rows[0].Length]);

    private static Tensor One => torch.tensor(1f);

    // Three unit embeddings: image i matches text i with logit 1 and every other text with logit 0.
    private static Tensor Identity3 => Rows([1, 0, 0], [0, 1, 0], [0, 0, 1]);

    // k = 1, 2, 0: image 0 -> n0 (logit 0.5 with image 0); image 1 -> n1 (0.3), n2 (-1).
    private static Tensor VariableKNegatives => Rows([0.5f, 0, 0], [0, 0.3f, 0], [0, -1, 0]);

    private static double Value(Tensor t) => t.item<float>();

    /// <summary>The loss of the 3 x 3 batch with <see cref="VariableKNegatives"/> (k = 1, 2, 0) at logit scale 1.</summary>
    private static double VariableKLoss(HardNegativeLoss loss, Random? columnChooser = null) =>
        Value(loss.Compute(Identity3, Identity3, VariableKNegatives, [1, 2, 0], One, columnChooser));

    // Cross-entropy of one row whose target logit is 1.
    private static double RowLoss(params double[] otherLogits) =>
        -1 + Math.Log(E + otherLogits.Sum(Math.Exp));

    [Test]
    public void Append_2x2_matches_hand_computation()
    {
        Tensor images = Rows([1, 0], [0, 1]);
        Tensor texts = Rows([1, 0], [0, 1]);
        Tensor negatives = Rows([0.5f, 0]);      // image 0's one hard negative; image 1 has none

        double loss = Value(new HardNegativeLoss(HardNegativeMode.Append)
            .Compute(images, texts, negatives, [1, 0], One));

        // image->text: row 0 = [1, 0 | 0.5], row 1 = [0, 1 | -inf] (image 0's negative is masked out of row 1)
        double imageToText = (RowLoss(0, 0.5) + RowLoss(0)) / 2;
        // text->image over positives only: [[1, 0], [0, 1]]
        double textToImage = (RowLoss(0) + RowLoss(0)) / 2;
        Assert.That(loss, Is.EqualTo((imageToText + textToImage) / 2).Within(1e-6));
    }

    [Test]
    public void Append_3x3_with_variable_k_matches_hand_computation()
    {
        double loss = VariableKLoss(new HardNegativeLoss(HardNegativeMode.Append));

        // row 0 = [1, 0, 0 | 0.5, -inf, -inf]; row 1 = [0, 1, 0 | -inf, 0.3, -1]; row 2 = [0, 0, 1 | -inf x 3]
        double imageToText = (RowLoss(0, 0, 0.5) + RowLoss(0, 0, 0.3, -1) + RowLoss(0, 0)) / 3;
        double textToImage = RowLoss(0, 0);
        Assert.That(loss, Is.EqualTo((imageToText + textToImage) / 2).Within(1e-6));
    }

    [Test]
    public void Replace_3x3_with_variable_k_matches_hand_computation()
    {
        // Same batch as the Append case. Row 0 gives up one of its two in-batch columns (both have logit 0, so the
        // result does not depend on which); row 1 has k = 2 = B-1 and gives up both; row 2 keeps its row.
        double loss = VariableKLoss(new HardNegativeLoss(HardNegativeMode.Replace), new Random(7));

        // row 0 = [1, 0.5, 0] (or [1, 0, 0.5]); row 1 = [0.3, 1, -1] (or [-1, 1, 0.3]); row 2 = [0, 0, 1]
        double imageToText = (RowLoss(0.5, 0) + RowLoss(0.3, -1) + RowLoss(0, 0)) / 3;
        double textToImage = RowLoss(0, 0);
        Assert.That(loss, Is.EqualTo((imageToText + textToImage) / 2).Within(1e-6));
    }

    [Test]
    public void Replace_2x2_swaps_the_only_in_batch_negative()
    {
        Tensor images = Rows([1, 0], [0, 1]);
        Tensor texts = Rows([1, 0], [0.25f, 1]);         // row 0 = [1, 0.25]: the 0.25 is what gets replaced
        Tensor negatives = Rows([0.75f, 0]);

        double loss = Value(new HardNegativeLoss(HardNegativeMode.Replace)
            .Compute(images, texts, negatives, [1, 0], One, new Random(1)));

        // image->text: row 0 = [1, 0.75] (0.25 replaced), row 1 = [0, 1]
        double imageToText = (RowLoss(0.75) + RowLoss(0)) / 2;
        // text->image: text 0 = [1, 0], text 1 = [0.25, 1]
        double textToImage = (RowLoss(0) + RowLoss(0.25)) / 2;
        Assert.That(loss, Is.EqualTo((imageToText + textToImage) / 2).Within(1e-6));
    }

    [Test]
    public void Replace_picks_a_random_in_batch_column_reproducibly_from_the_seed()
    {
        // Row 0's in-batch negatives have distinct logits 0.2 and -0.4: which one is replaced changes the loss.
        Tensor images = Identity3;
        Tensor texts = Rows([1, 0, 0], [0.2f, 1, 0], [-0.4f, 0, 1]);
        Tensor negatives = Rows([0.9f, 0, 0]);
        var loss = new HardNegativeLoss(HardNegativeMode.Replace);
        double textToImage = (RowLoss(0, 0) + RowLoss(0.2, 0) + RowLoss(-0.4, 0)) / 3;
        double replacedFirst = ((RowLoss(0.9, -0.4) + RowLoss(0, 0) + RowLoss(0, 0)) / 3 + textToImage) / 2;
        double replacedSecond = ((RowLoss(0.2, 0.9) + RowLoss(0, 0) + RowLoss(0, 0)) / 3 + textToImage) / 2;

        var outcomes = Enumerable.Range(0, 20)
            .Select(seed => Value(loss.Compute(images, texts, negatives, [1, 0, 0], One, new Random(seed))))
            .ToList();
        double again = Value(loss.Compute(images, texts, negatives, [1, 0, 0], One, new Random(3)));

        Assert.Multiple(() =>
        {
            Assert.That(outcomes, Has.All.EqualTo(replacedFirst).Within(1e-6).Or.EqualTo(replacedSecond).Within(1e-6));
            Assert.That(outcomes, Has.Some.EqualTo(replacedFirst).Within(1e-6), "never replaced column 1");
            Assert.That(outcomes, Has.Some.EqualTo(replacedSecond).Within(1e-6), "never replaced column 2");
            Assert.That(again, Is.EqualTo(outcomes[3]), "same seed, same choice");
        });
    }

    [TestCase(HardNegativeMode.Append)]
    [TestCase(HardNegativeMode.Replace)]
    public void Without_negatives_both_modes_equal_plain_CLIP_loss(HardNegativeMode mode)
    {
        Tensor images = nn.functional.normalize(torch.randn(5, 8), dim: 1);
        Tensor texts = nn.functional.normalize(torch.randn(5, 8), dim: 1);
        Tensor scale = torch.tensor(14.3f);

        double loss = Value(new HardNegativeLoss(mode).Compute(images, texts, null, [0, 0, 0, 0, 0], scale, new Random(1)));

        // Plain CLIP written independently: mean over rows of -log_softmax at the diagonal, in both directions.
        Tensor logits = images.matmul(texts.t()) * scale;
        double imageToText = -Value(logits.log_softmax(1).diagonal().mean());
        double textToImage = -Value(logits.t().log_softmax(1).diagonal().mean());
        Assert.Multiple(() =>
        {
            Assert.That(loss, Is.EqualTo((imageToText + textToImage) / 2).Within(1e-5));
            Assert.That(Value(HardNegativeLoss.ClipLoss(images, texts, scale)), Is.EqualTo(loss).Within(1e-6));
        });
    }

    [TestCase(HardNegativeMode.Append)]
    [TestCase(HardNegativeMode.Replace)]
    public void Gradients_reach_the_hard_negatives(HardNegativeMode mode)
    {
        Tensor images = torch.randn(3, 4).requires_grad_();
        Tensor texts = torch.randn(3, 4).requires_grad_();
        Tensor negatives = torch.randn(2, 4).requires_grad_();

        Tensor loss = new HardNegativeLoss(mode).Compute(images, texts, negatives, [2, 0, 0], One, new Random(1));
        loss.backward();

        Assert.That(negatives.grad!.abs().sum().item<float>(), Is.GreaterThan(0f));
    }

    [Test]
    public void Counts_that_do_not_match_the_negatives_are_rejected()
    {
        Tensor images = torch.randn(2, 4);
        Tensor negatives = torch.randn(3, 4);

        Assert.Throws<ArgumentException>(() =>
            new HardNegativeLoss(HardNegativeMode.Append).Compute(images, images, negatives, [1, 1], One));
    }

    [Test]
    public void Ranking_term_adds_each_captions_cross_entropy_against_its_own_negatives_alone()
    {
        // The 3x3 batch of the Append case: k = 1, 2, 0.
        double plain = VariableKLoss(new HardNegativeLoss(HardNegativeMode.Append));
        double weighted = VariableKLoss(new HardNegativeLoss(HardNegativeMode.Append, rankingWeight: 2));

        // Ranking rows: image 0 = [1 | 0.5], image 1 = [1 | 0.3, -1]; image 2 has no negative and is not averaged in.
        double ranking = (RowLoss(0.5) + RowLoss(0.3, -1)) / 2;
        Assert.That(weighted, Is.EqualTo(plain + 2 * ranking).Within(1e-6));
    }

    [Test]
    public void Ranking_term_is_absent_without_negatives_and_rejects_a_negative_weight()
    {
        Tensor images = Rows([1, 0], [0, 1]);
        Tensor texts = Rows([1, 0], [0, 1]);

        double weighted = Value(new HardNegativeLoss(HardNegativeMode.Append, rankingWeight: 5).Compute(images, texts, null, [0, 0], One));

        Assert.That(weighted, Is.EqualTo(Value(HardNegativeLoss.ClipLoss(images, texts, One))).Within(1e-6));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new HardNegativeLoss(HardNegativeMode.Append, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new HardNegativeLoss(HardNegativeMode.Append, double.NaN));
    }
}
