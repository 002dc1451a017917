using System.Text;

namespace HardNegRules.Training.Tests.Tokenization;

/// <summary>The tokenizer against <see cref="ReferenceClipBpe"/>, an independent derivation from the merges file.</summary>
[TestFixture]
public sealed class ClipTokenizerReferenceTests
{
    private static readonly string[] Captions =
    [
        "a photo of a cat",
        "A man riding a wave on top of a surfboard.",
        "Two dogs, one brown and one white, play in the snow!",
        "a red car to the left of a blue truck",
        "it's the dog's ball; they're here, we've won, i'm sure, you'll see, he'd go",
        "there are 2 dogs and 10 cats in 2024",
        "$5.99 for an x-ray... really?! (no) [yes] {maybe} #tag @user e-mail@domain.com",
        "caf\u00E9 cr\u00E8me br\u00FBl\u00E9e na\u00EFve \u00FCber stra\u00DFe",
        "a \U0001F431 on a \U0001F6CB\uFE0F with \U0001F44D\U0001F3FD",
        "\u4E00\u53EA\u732B \u00BD \u00B2 \u0661\u0662",
        "antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis",
        "ALL CAPS CAPTION WITH MIXED cAsE",
        "tabs\tand\nnewlines   and  spaces",
        "--- ... !!! ??? ,,, ''' \"\"\"",
        "<|startoftext|> inside text <|endoftext|>",
    ];

    [TestCaseSource(nameof(Captions))]
    public void Caption_EncodesLikeTheReference(string caption)
    {
        Assert.That(SharedClipTokenizer.Instance.EncodeTokens(caption), Is.EqualTo(ReferenceClipBpe.Instance.EncodeTokens(caption)));
    }

    [Test]
    public void RandomText_EncodesLikeTheReference()
    {
        // Letters, digits, punctuation, whitespace, accented Latin, a ligature-free CJK pair and emoji (surrogate pairs).
        string[] pieces =
        [
            "a", "e", "s", "t", "r", "n", "o", "th", "ing", "Q", "Z", "x", "0", "7", " ", " ", " ", "\t", ".", ",", "!", "'",
            "'s", "-", "/", "(", "\u00E9", "\u00FC", "\u00DF", "\u00F1", "\u732B", "\u72AC", "\U0001F431", "\U0001F600",
        ];
        var random = new Random(20240817);
        for (var sample = 0; sample < 400; sample++)
        {
            var text = new StringBuilder();
            var length = random.Next(1, 40);
            for (var i = 0; i < length; i++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            var caption = text.ToString();
            Assert.That(
                SharedClipTokenizer.Instance.EncodeTokens(caption),
                Is.EqualTo(ReferenceClipBpe.Instance.EncodeTokens(caption)),
                () => $"caption: \"{caption}\"");
        }
    }
}
