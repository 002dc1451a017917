using HardNegRules.Training.Tokenization;

namespace HardNegRules.Training.Tests.Tokenization;

[TestFixture]
public sealed class ClipTokenizerTests
{
    private const int Sot = ClipTokenizer.StartOfTextId;
    private const int Eot = ClipTokenizer.EndOfTextId;

    private static ClipTokenizer Tokenizer => SharedClipTokenizer.Instance;

    [Test]
    public void PublishedExample_MatchesClipIds()
    {
        var row = Tokenizer.Encode("a photo of a cat");

        int[] expected = [Sot, 320, 1125, 539, 320, 2368, Eot];
        Assert.That(row, Has.Length.EqualTo(77));
        Assert.That(row[..7], Is.EqualTo(expected));
        Assert.That(row[7..], Is.All.EqualTo(0));
    }

    [TestCase("cat")]
    [TestCase("dog")]
    [TestCase("photo")]
    [TestCase("red")]
    [TestCase("left")]
    [TestCase("bicycle")]
    public void SingleTokenWord_IdIsItsMergeRankPlus512(string word)
    {
        // CLIP numbers the 512 byte symbols first, then each merge's result in file order.
        var mergeIndex = ReferenceClipBpe.Instance.MergeLines.ToList()
            .FindIndex(line => line.Replace(" ", string.Empty, StringComparison.Ordinal) == word + "</w>");
        Assume.That(mergeIndex, Is.GreaterThanOrEqualTo(0), "the word is a single token");

        Assert.That(Tokenizer.EncodeTokens(word), Is.EqualTo(new[] { 512 + mergeIndex }));
    }

    [Test]
    public void SingleLetter_IdIsItsByteRankPlus256()
    {
        // '!' is byte symbol 0, so 'a' (0x61) is 0x61 - 0x21 = 64, and "a</w>" is 256 + 64.
        Assert.That(Tokenizer.EncodeTokens("a"), Is.EqualTo(new[] { 320 }));
    }

    [TestCase("A PHOTO OF A CAT")]
    [TestCase("A Photo Of A Cat")]
    [TestCase("  a\tphoto\n\nof   a cat  ")]
    [TestCase("a\u00A0photo of a cat")]
    public void CaseAndWhitespace_DoNotChangeIds(string variant)
    {
        Assert.That(Tokenizer.Encode(variant), Is.EqualTo(Tokenizer.Encode("a photo of a cat")));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\t\n")]
    public void EmptyText_IsStartAndEndOnly(string text)
    {
        var row = Tokenizer.Encode(text);

        Assert.That(row[..2], Is.EqualTo(new[] { Sot, Eot }));
        Assert.That(row[2..], Is.All.EqualTo(0));
    }

    [Test]
    public void Digits_AreOneTokenEach()
    {
        var digitIds = Enumerable.Range(0, 10).Select(d => Tokenizer.EncodeTokens(d.ToString(System.Globalization.CultureInfo.InvariantCulture)).Single()).ToArray();

        Assert.That(Tokenizer.EncodeTokens("2024"), Is.EqualTo(new[] { digitIds[2], digitIds[0], digitIds[2], digitIds[4] }));
    }

    [Test]
    public void Emoji_IsEncodedThroughItsBytes_NotDropped()
    {
        var tokens = Tokenizer.EncodeTokens("\U0001F431");

        Assert.That(tokens, Is.Not.Empty);
        Assert.That(tokens, Is.EqualTo(ReferenceClipBpe.Instance.EncodeTokens("\U0001F431")));
    }

    [Test]
    public void LongText_IsCutSoThatTheLastIdIsEndOfText()
    {
        var cat = Tokenizer.EncodeTokens("cat").Single();
        var row = Tokenizer.Encode(string.Join(' ', Enumerable.Repeat("cat", 100)));

        Assert.That(row, Has.Length.EqualTo(77));
        Assert.That(row[0], Is.EqualTo(Sot));
        Assert.That(row[1..76], Is.All.EqualTo(cat));
        Assert.That(row[76], Is.EqualTo(Eot));
    }

    [TestCase(74, 0)]
    [TestCase(75, 0)]
    [TestCase(76, 1)]
    public void TextAtTheContextLimit_KeepsAtMost75Tokens(int words, int dropped)
    {
        var cat = Tokenizer.EncodeTokens("cat").Single();
        var row = Tokenizer.Encode(string.Join(' ', Enumerable.Repeat("cat", words)));

        var kept = words - dropped;
        Assert.That(row[1..(kept + 1)], Is.All.EqualTo(cat));
        Assert.That(row[kept + 1], Is.EqualTo(Eot));
        Assert.That(row[(kept + 2)..], Is.All.EqualTo(0));
    }

    [Test]
    public void SpanOverload_MatchesArrayOverload_AndOverwritesOldContent()
    {
        var ids = new long[77];
        Array.Fill(ids, -1L);

        Tokenizer.Encode("a Red car, on the LEFT!", ids);

        Assert.That(ids, Is.EqualTo(Tokenizer.Encode("a Red car, on the LEFT!").Select(id => (long)id)));
    }

    [Test]
    public void SpanOverload_RejectsARowOfTheWrongLength()
    {
        Assert.That(() => Tokenizer.Encode("cat", new long[76]), Throws.ArgumentException);
    }

    [Test]
    public void Batch_IsRowMajorWithOneRowPerText()
    {
        string[] texts = ["a photo of a cat", "", "two dogs"];

        var ids = Tokenizer.EncodeBatch(texts);

        Assert.That(ids, Has.Length.EqualTo(3 * 77));
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.That(ids.AsSpan(i * 77, 77).ToArray(), Is.EqualTo(Tokenizer.Encode(texts[i]).Select(id => (long)id)));
        }
    }

    [Test]
    public void Batch_RejectsABufferOfTheWrongLength()
    {
        Assert.That(() => Tokenizer.EncodeBatch(["a", "b"], new long[77]), Throws.ArgumentException);
    }

    [Test]
    public void ConcurrentEncoding_GivesTheSameRowsAsSequential()
    {
        var texts = Enumerable.Range(0, 2000).Select(i => $"caption {i}: a {(i % 3 == 0 ? "red" : "blue")} car{new string('s', i % 7)} left of tree{i % 11}").ToArray();
        var tokenizer = ClipTokenizer.Create();
        var parallel = new int[texts.Length][];

        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = tokenizer.Encode(texts[i]));

        Assert.That(parallel, Is.EqualTo(texts.Select(Tokenizer.Encode)));
    }

    [Test]
    public void SpecialTokenWrittenInText_IsTheSpecialId_AsInClip()
    {
        Assert.That(Tokenizer.EncodeTokens("a cat<|endoftext|>"), Is.EqualTo(new[] { 320, 2368, Eot }));
    }

    [Test]
    public void HtmlEntitiesAndCurlyQuotes_AreCleanedFirst()
    {
        Assert.That(Tokenizer.Encode("fish &amp;amp; chips"), Is.EqualTo(Tokenizer.Encode("fish & chips")));
        Assert.That(Tokenizer.Encode("it\u2019s a dog\u2019s toy"), Is.EqualTo(Tokenizer.Encode("it's a dog's toy")));
    }

    [Test]
    public void EveryId_IsInsideTheVocabulary()
    {
        var ids = Tokenizer.EncodeTokens("Ω≈ç√∫˜µ≤≥÷ ¡™£¢∞§¶•ªº–≠ 田中さんにあげて下さい \U0001F600\U0001F9D1\u200D\U0001F680 \u0000\u0007");

        Assert.That(ids, Is.All.InRange(0, ClipTokenizer.VocabularySize - 1));
        Assert.That(ReferenceClipBpe.Instance.VocabularySize, Is.EqualTo(ClipTokenizer.VocabularySize));
    }

    [Test]
    public void TruncatedMergesFile_IsRejectedWithAClearError()
    {
        using var file = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new StreamWriter(gzip))
        {
            writer.Write("#version: 0.2\ni n\nt h\n");
        }

        file.Position = 0;

        Assert.That(() => ClipTokenizer.Create(file), Throws.TypeOf<InvalidDataException>().With.Message.Contains("2 merges"));
    }
}
