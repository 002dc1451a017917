using CsCheck;

namespace HardNegRules.Tests;

/// <summary>Properties that hold for any caption, with the repository's rules.</summary>
public class PropertyTests
{
    private static readonly IPermuter Permuter = Permuters.Default;

    // Captions made of rule words, articles and noise, so that properties are exercised where terms are found.
    private static readonly Gen<string> Captions = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 200].Select(c => new string(c)),
        Gen.OneOf("a", "an", "A", "the", "red", "orange", "Grey", "dog", "dogs", "man", "left", "right", "small", "bigger", "hot", "juice",
                "light", "blue", "of", "in front of", "behind", ",", ".", "-", "'s", "\u00e9", "\t", "  ", "RED", "Orange", "apple", "an orange")
            .Array[0, 30].Select(words => string.Join(" ", words)));

    [Test]
    public void Any_caption_gives_no_exception_and_each_negative_is_the_caption_with_one_edit()
    {
        Captions.SampleFixed(caption =>
        {
            foreach (HardNegative n in Permuter.Permute(caption, 4, NegativeSeed.For(1, caption, 0)))
            {
                AssertIsCaptionWithEdit(caption, n);
            }
        }, iter: 2000, seed: "0000000001Ai");
    }

    [Test]
    public void Long_and_empty_captions()
    {
        Assert.That(Permuter.Permute(string.Empty, 3, new NegativeSeed(1)), Is.Empty);
        string huge = string.Concat(Enumerable.Repeat("a red dog on the left of a small cat. ", 2700));
        Assert.That(huge.Length, Is.GreaterThan(100_000));
        var negatives = Permuter.Permute(huge, 3, new NegativeSeed(1));
        Assert.That(negatives, Has.Count.EqualTo(3));
        foreach (HardNegative n in negatives)
        {
            AssertIsCaptionWithEdit(huge, n);
        }
    }

    // The negative equals the caption with `to` in place of `from`, apart from an a/an right before an edit.
    private static void AssertIsCaptionWithEdit(string caption, HardNegative n)
    {
        Assert.That(caption.Substring(n.Start, n.Length), Is.EqualTo(n.From));
        var edits = new List<TermEdit> { n.Edit };
        if (n.SwapEdit is { } second)
        {
            edits.Add(second);
        }

        string rebuilt = caption;
        foreach (TermEdit edit in edits.OrderByDescending(e => e.Start))
        {
            rebuilt = string.Concat(rebuilt.AsSpan(0, edit.Start), edit.To, rebuilt.AsSpan(edit.Start + edit.Length));
        }

        Assert.That(WithoutArticles(n.Text), Is.EqualTo(WithoutArticles(rebuilt)), $"caption: {caption}");
        Assert.That(n.Text, Is.Not.EqualTo(caption));
    }

    private static string WithoutArticles(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"(?<![\p{L}\p{Nd}_-])[Aa][Nn]?(?=\s)", "A");
}
