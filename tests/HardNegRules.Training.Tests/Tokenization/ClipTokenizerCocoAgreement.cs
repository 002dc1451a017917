using HardNegRules.Training.Tokenization;

namespace HardNegRules.Training.Tests.Tokenization;

/// <summary>
/// Every caption of a COCO captions file encodes as <see cref="ReferenceClipBpe"/> encodes it; explicit, because the
/// file is not part of the repository. Run with <c>CLIP_BENCH_CAPTIONS=/path/to/captions_val2017.json</c> and
/// <c>--filter "FullyQualifiedName~ClipTokenizerCocoAgreement"</c>.
/// </summary>
[TestFixture]
[Explicit("Needs a COCO captions file named by CLIP_BENCH_CAPTIONS.")]
public sealed class ClipTokenizerCocoAgreement
{
    [Test]
    public void EveryCaption_EncodesLikeTheReference()
    {
        var captions = CocoBenchCaptions.ReadOrIgnore();

        // The reference does no HTML decoding or quote straightening, so it is given the cleaned text.
        var disagreements = captions
            .Where(caption => !SharedClipTokenizer.Instance.EncodeTokens(caption)
                .SequenceEqual(ReferenceClipBpe.Instance.EncodeTokens(ClipTokenizer.Clean(caption))))
            .Take(10)
            .ToList();

        TestContext.Out.WriteLine($"{captions.Count} captions compared");
        Assert.That(disagreements, Is.Empty);
    }
}
