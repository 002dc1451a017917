namespace HardNegRules.Tests;

/// <summary>
/// Defects that independent checks found on captions the rules were not written for, one test per class: swaps that
/// respell, compounds read across a phrase boundary, coordinations split by a swap, the caption's end not counted as a
/// boundary, article repair that misses quotes or touches other words, and combining marks. The small pack in
/// Rules/exactness runs through both engines.
/// </summary>
[TestFixture(Engine.Generated)]
[TestFixture(Engine.Interpreted)]
public class ExactnessTests(Engine engine)
{

    private readonly IPermuter _permuter = TestPacks.Pack(engine, "exactness");

    private List<HardNegative> All(string caption, string concept) =>
        [.. _permuter.Permute(caption, 200, new NegativeSeed(1), ConceptMask.Of(_permuter, [concept]))];

    private List<string> Swaps(string caption, string concept) =>
        [.. All(caption, concept).Where(n => n.Kind == NegativeKind.Swap).Select(n => n.Text)];

    [Test]
    public void A_swap_moves_each_term_as_written()
    {
        Assert.That(Swaps("a grey dog and a tan cat", "color"), Is.EqualTo(new[] { "a tan dog and a grey cat" }));
        Assert.That(Swaps("A Grey dog and a TAN cat", "color"), Is.EqualTo(new[] { "A TAN dog and a Grey cat" }));
        HardNegative swap = All("a grey dog and a tan cat", "color").Single(n => n.Kind == NegativeKind.Swap);
        Assert.That((swap.Edit.To, swap.SwapEdit!.To), Is.EqualTo(("tan", "grey")));
    }

    [Test]
    public void A_swap_moves_words_of_one_number_only()
    {
        // Texts move as written, so "two dogs" and "a cat" cannot exchange their nouns without breaking agreement.
        Assert.That(Swaps("two dogs and a cat", "object"), Is.Empty);
        Assert.That(Swaps("a dog and a cat", "object"), Is.EqualTo(new[] { "a cat and a dog" }));
    }

    [Test]
    public void A_compound_is_not_read_across_a_phrase_boundary()
    {
        foreach (HardNegative negative in All("a train letting off white smoke", "color"))
        {
            Assert.That(negative.Text, Does.StartWith("a train letting off "), negative.Text);
            Assert.That(negative.From, Is.Not.EqualTo("off white"));
        }

        Assert.That(All("a cat with off white fur", "color").Select(n => n.From), Has.All.EqualTo("off white"));
        Assert.That(All("Off white walls and a red door", "color").Select(n => n.From), Does.Contain("Off white"));
        Assert.That(All("a man wearing off white pants", "color").Select(n => n.From), Does.Contain("off white"));
    }

    [Test]
    public void A_coordination_is_never_split_by_a_swap()
    {
        Assert.That(Swaps("an orange sofa with black and white fence", "color"), Is.Empty);
        Assert.That(Swaps("a black and white cat", "color"), Is.Empty);
        Assert.That(Swaps("a red, white or blue flag next to a tan dog", "color"), Is.Empty);
        Assert.That(Swaps("an orange sofa with a black and white fence and a tan cat", "color"), Is.EqualTo(new[] { "a tan sofa with a black and white fence and an orange cat" }));
        Assert.That(All("a black and white cat", "color").Select(n => n.Text), Does.Contain("a blue and white cat"), "a replace still changes one of them");
    }

    [Test]
    public void The_end_of_the_caption_is_a_boundary_for_contexts()
    {
        Assert.That(All("a boy holding an orange", "color"), Is.Empty, "as if it ended with '.'");
        Assert.That(All("a boy holding an orange.", "color"), Is.Empty);
        Assert.That(All("a boy holding an \"orange\"", "color"), Is.Empty);
        Assert.That(All("a boy holding an orange ball", "color"), Is.Not.Empty);
    }

    [Test]
    public void Article_repair_looks_through_an_opening_quote()
    {
        List<string> texts = [.. All("An \"Apple\" logo", "object").Select(n => n.Text)];
        Assert.That(texts, Does.Contain("A \"Pie\" logo").And.Contain("An \"Orange\" logo").And.Not.Contain("An \"Pie\" logo"));
        Assert.That(All("a (red) car", "color").Select(n => n.Text), Does.Contain("an (orange) car"));
    }

    [Test]
    public void A_swap_repairs_only_the_articles_of_moved_terms()
    {
        Assert.That(Swaps("an orange cat and a white dog", "color"), Is.EqualTo(new[] { "a white cat and an orange dog" }));
        // A quote that closes something else is not opening the term's phrase: "a" before it stays.
        Assert.That(Swaps("the word \"a\" red and a orange hat", "color"), Is.Empty.Or.All.StartWith("the word \"a\" "));
    }

    [TestCase("a red\u0301 car")]
    [TestCase("a red\u0308dish car")]
    [TestCase("a red\u200D car")]
    public void A_combining_mark_after_a_term_makes_another_word(string caption) =>
        Assert.That(All(caption, "color"), Is.Empty);

    [Test]
    public void Swaps_on_real_captions_are_permutations_of_their_words()
    {
        IPermuter repository = engine == Engine.Generated ? Permuters.Default : RuleSet.Load(TestRules.RepositoryRules).Get();
        int swaps = 0;
        foreach ((string id, string caption) in TestRules.CocoSample)
        {
            foreach (HardNegative negative in repository.Permute(caption, 20, NegativeSeed.For(3, id, 0)).Where(n => n.Kind == NegativeKind.Swap))
            {
                swaps++;
                Assert.That(Words(negative.Text, dropArticles: true), Is.EquivalentTo(Words(caption, dropArticles: true)), $"{caption} -> {negative.Text}");
            }
        }

        Assert.That(swaps, Is.GreaterThan(20));
    }

    private static string[] Words(string text, bool dropArticles) =>
        [.. text.Split([' ', ',', '.', '"'], StringSplitOptions.RemoveEmptyEntries).Where(w => !dropArticles || !(w is "a" or "an" or "A" or "An"))];
}
