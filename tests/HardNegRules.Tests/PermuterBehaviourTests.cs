namespace HardNegRules.Tests;

/// <summary>
/// What a permuter does with a caption, on the small pack in Rules/behaviour: the same tests against the permuter the
/// generator compiled into this assembly and the interpreter over the same files read at run time.
/// </summary>
[TestFixture(Engine.Generated)]
[TestFixture(Engine.Interpreted)]
public class PermuterBehaviourTests(Engine engine)
{


    private readonly IPermuter _permuter = TestPacks.Pack(engine, "behaviour");

    private List<HardNegative> All(string caption, string? concept = null) =>
        [.. _permuter.Permute(caption, 200, new NegativeSeed(1), concept is null ? ConceptMask.All : ConceptMask.Of(_permuter, [concept]))];

    private List<string> Texts(string caption, string? concept = null) => [.. All(caption, concept).Select(n => n.Text)];

    [Test]
    public void Replacement_keeps_the_form_and_repairs_the_article()
    {
        List<string> texts = Texts("An apple on the table.", "object");
        Assert.That(texts, Is.EquivalentTo(new[] { "A banana on the table.", "An orange on the table.", "A hot dog on the table." }));
        Assert.That(Texts("Two dogs and a man.", "object"), Does.Contain("Two cats and a man.").And.Contain("Two sheep and a man.").And.Contain("Two dogs and a woman."));
    }

    [Test]
    public void Casing_of_the_replaced_word_is_kept()
    {
        Assert.That(Texts("Red car", "color"), Does.Contain("Blue car").And.Contain("Light blue car"));
        Assert.That(Texts("A RED CAR", "color"), Does.Contain("A BLUE CAR"));
    }

    [Test]
    public void Synonyms_and_hypernyms_are_never_negatives()
    {
        Assert.That(Texts("a black cat", "color"), Does.Not.Contain("a charcoal cat"));
        Assert.That(Texts("a man and a puppy", "object"), Does.Not.Contain("a man and a dog"));
        Assert.That(Texts("a man and a puppy", "object"), Does.Contain("a woman and a puppy").And.Contain("a man and a cat"));
    }

    [Test]
    public void Opposites_hold_across_synonym_groups_and_keep_comparatives()
    {
        Assert.That(Texts("a large dog", "size"), Is.EquivalentTo(new[] { "a small dog", "a tiny dog" }));
        Assert.That(Texts("the bigger dog", "size"), Is.EquivalentTo(new[] { "the smaller dog" }), "tiny has no comparative");
    }

    [Test]
    public void Blocked_phrases_and_contexts_skip_what_is_not_the_concept()
    {
        Assert.That(All("a glass of orange juice", "color"), Is.Empty);
        Assert.That(All("a black and white photo of a dog", "color"), Is.Empty);
        Assert.That(All("an orange on a plate", "color"), Is.Empty, "after 'an' orange is the fruit");
        Assert.That(Texts("an orange on a plate", "object"), Does.Contain("an apple on a plate"));
        Assert.That(Texts("an orange shirt", "color"), Is.Empty, "the context blocks it; the object rule takes it");
        Assert.That(Texts("the orange shirt", "color"), Does.Contain("the red shirt"));
    }

    [Test]
    public void Longest_match_wins_and_words_match_whole()
    {
        Assert.That(Texts("a hot dog", "object"), Does.Contain("a banana").And.Not.Contain("a hot cat"));
        Assert.That(Texts("a light blue kite", "color"), Does.Contain("a red kite"));
        Assert.That(All("a reddish tone and a red-haired girl", "color"), Is.Empty);
        Assert.That(All("bluebirds", "color"), Is.Empty);
    }

    [Test]
    public void Swap_exchanges_two_terms_of_one_concept()
    {
        HardNegative swap = All("A white cat on a black couch.", "color").Single(n => n.Kind == NegativeKind.Swap);
        Assert.Multiple(() =>
        {
            Assert.That(swap.Text, Is.EqualTo("A black cat on a white couch."));
            Assert.That(swap.Rule, Is.EqualTo("color/swap"));
            Assert.That(swap.Edit, Is.EqualTo(new TermEdit(2, 5, "white", "black")));
            Assert.That(swap.SwapEdit, Is.EqualTo(new TermEdit(17, 5, "black", "white")));
        });
        Assert.That(All("a black cat on a charcoal couch", "color").Where(n => n.Kind == NegativeKind.Swap), Is.Empty, "synonyms do not swap");
        Assert.That(All("a red and blue kite", "color").Where(n => n.Kind == NegativeKind.Swap), Is.Empty, "coordinated terms describe one thing");
        Assert.That(All("a red, blue kite", "color").Where(n => n.Kind == NegativeKind.Swap), Is.Empty);
    }

    [Test]
    public void Provenance_locates_the_changed_term()
    {
        foreach (HardNegative n in All("Grey dogs next to an orange car and a banana."))
        {
            Assert.That("Grey dogs next to an orange car and a banana.".Substring(n.Start, n.Length), Is.EqualTo(n.From));
        }

        HardNegative grey = All("Grey dogs", "color").First();
        Assert.That((grey.Concept, grey.Rule, grey.From), Is.EqualTo(("color", "color/gray", "Grey")));
    }

    [Test]
    public void Same_seed_same_negatives_other_seed_other_order()
    {
        const string caption = "a red dog and a small white cat";
        var one = _permuter.Permute(caption, 3, NegativeSeed.For(5, "42", 0));
        var again = _permuter.Permute(caption, 3, NegativeSeed.For(5, "42", 0));
        Assert.That(again, Is.EqualTo(one));
        var epochs = Enumerable.Range(0, 10).Select(e => string.Join("|", _permuter.Permute(caption, 3, NegativeSeed.For(5, "42", e)).Select(n => n.Text))).Distinct();
        Assert.That(epochs.Count(), Is.GreaterThan(1), "a new epoch draws new negatives");
    }

    [Test]
    public void Negatives_spread_over_the_terms_before_any_term_repeats()
    {
        for (ulong seed = 0; seed < 20; seed++)
        {
            var negatives = _permuter.Permute("A red dog next to a small apple.", 3, new NegativeSeed(seed));
            Assert.That(negatives.Select(n => n.From).Distinct().Count(), Is.EqualTo(3), $"seed {seed}");
        }
    }

    [Test]
    public void Negatives_of_one_caption_are_distinct_and_at_most_k()
    {
        var negatives = _permuter.Permute("a red dog and a small white cat", 5, new NegativeSeed(3));
        Assert.That(negatives, Has.Count.EqualTo(5));
        Assert.That(negatives.Select(n => n.Text).Distinct().Count(), Is.EqualTo(5));
        Assert.That(_permuter.Permute("no concept here", 5, new NegativeSeed(3)), Is.Empty);
    }

    [TestCase("A man in a red shirt next to a small dog.")]
    [TestCase("An orange on a plate and a bigger apple.")]
    public void Span_path_writes_into_caller_buffers_without_allocating(string caption)
    {
        char[] text = new char[1024];
        var results = new NegativeSpan[4];
        _permuter.Permute(caption, 4, new NegativeSeed(9), text, results); // warm up

        long before = GC.GetAllocatedBytesForCurrentThread();
        int count = _permuter.Permute(caption, 4, new NegativeSeed(9), text, results);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.Zero, "no allocation, even where a context condition fails");
        Assert.That(count, Is.GreaterThanOrEqualTo(2));
        var strings = _permuter.Permute(caption, 4, new NegativeSeed(9));
        for (int i = 0; i < count; i++)
        {
            Assert.That(new string(text, results[i].TextStart, results[i].TextLength), Is.EqualTo(strings[i].Text));
        }
    }

    [Test]
    public void Concept_mask_rejects_unknown_names()
    {
        Assert.That(() => ConceptMask.Of(_permuter, ["colour"]), Throws.ArgumentException.With.Message.Contains("color, object, size"));
    }
}
