using HardNegRules.Training.Tokenization;

namespace HardNegRules.Training.Tests.Tokenization;

[TestFixture]
public sealed class ClipTextCleanerTests
{
    [TestCase("A Photo", "a photo")]
    [TestCase("  a \t\r\n photo  ", "a photo")]
    [TestCase("", "")]
    [TestCase(" \n ", "")]
    [TestCase("fish &amp; chips", "fish & chips")]
    [TestCase("fish &amp;amp; chips", "fish & chips")]
    [TestCase("&lt;b&gt;", "<b>")]
    [TestCase("it\u2019s \u201Cfine\u201D", "it's \"fine\"")]
    [TestCase("\u00C9T\u00C9", "\u00E9t\u00E9")]
    public void Clean_AppliesClipCleanup(string text, string expected)
    {
        Assert.That(ClipTokenizer.Clean(text), Is.EqualTo(expected));
    }
}
