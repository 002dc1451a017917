using CsCheck;
using HardNegRules.Matching;
using HardNegRules.Permutation;

namespace HardNegRules.Tests.Matching;

/// <summary>
/// Context conditions checked through the phrase index (the hot path) give exactly the answer of checking each phrase
/// in turn (what explanations use), for every context of the default pack at every place of any caption.
/// </summary>
public class PhraseIndexTests
{
    private static readonly ContextConditions[] Contexts = ((RulePermuter)Permuters.Default).Tables.Contexts;

    // The contexts' own words, so that phrases are found, with terms, punctuation, case and odd whitespace around them.
    private static readonly Gen<string> Captions = Gen.OneOf(
        Gen.String,
        Gen.OneOf([.. Contexts.SelectMany(c => c.NotBefore.Concat(c.NotAfter).Concat(c.OnlyBefore).Concat(c.OnlyAfter)).SelectMany(p => p).Distinct()
                .Concat(["black", "white", "orange", "left", "right", "top", "Man", "WOMAN", ".", ",", "!", "\"", "(", "'", "-", "\u00a0", "\t", "x"])])
            .Array[0, 14].Select(words => string.Join(" ", words)),
        Gen.OneOf("black", "man", "orange", "the", "of it", ".", ",", " ", "  ", "-")
            .Array[0, 12].Select(words => string.Concat(words)));

    [Test]
    public void Indexed_contexts_answer_as_the_phrases_checked_one_by_one()
    {
        Assert.That(Contexts, Is.Not.Empty);
        Captions.SampleFixed(caption =>
        {
            for (int start = 0; start <= caption.Length; start++)
            {
                int end = Math.Min(caption.Length, start + (start % 7));
                foreach (ContextConditions context in Contexts)
                {
                    bool expected = RulePermuter.CheckContext(caption, start, end, context).Failure == ContextFailure.None;
                    Assert.That(RulePermuter.ContextPasses(caption, start, end, context), Is.EqualTo(expected),
                        $"\"{caption}\" at [{start}, {end})");
                }
            }
        }, iter: 300, seed: "0000000001Ai");
    }

    // A vocabulary far longer than the packs' lists: hundreds of words, some phrases sharing their touching word
    // ("and a", "and an"), some ending or starting in punctuation, which are checked in full.
    private static readonly string[][] LongList =
    [
        .. Enumerable.Range(0, 400).Select(n => new[] { $"w{n}" }),
        ["and", "a"], ["and", "an"], ["and", "some"], ["a", "and"], ["an", "and"], ["and"], [","], [".", "and"], ["and", "."],
    ];

    private static readonly Gen<string> LongListCaptions =
        Gen.OneOf(Gen.Int[0, 420].Select(n => $"w{n}"), Gen.OneOf("and", "a", "an", "some", ",", ".", "W17", "black"))
            .Array[0, 10].Select(words => string.Join(" ", words));

    [Test]
    public void A_long_phrase_list_answers_as_its_phrases_checked_one_by_one([Values] bool after)
    {
        var index = new PhraseIndex(LongList, after);
        LongListCaptions.SampleFixed(caption =>
        {
            for (int at = 0; at <= caption.Length; at++)
            {
                bool expected = LongList.Any(phrase => after ? Neighbours.FollowedBy(caption, at, phrase) : Neighbours.PrecededBy(caption, at, phrase));
                Assert.That(index.Any(caption, at), Is.EqualTo(expected), $"\"{caption}\" at {at}");
            }
        }, iter: 300, seed: "0000000001Ai");
    }
}
