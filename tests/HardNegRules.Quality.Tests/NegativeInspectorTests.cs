using static HardNegRules.Quality.Tests.QualityTestRules;

namespace HardNegRules.Quality.Tests;

public class NegativeInspectorTests
{
    [Test]
    public void A_good_negative_has_no_defects()
    {
        const string caption = "An apple on a red car.";
        Assert.Multiple(() =>
        {
            Assert.That(Inspect(caption, Replace("color", caption, "An apple on a blue car.", "red", "blue")), Is.Empty);
            Assert.That(Inspect(caption, Replace("object", caption, "A banana on a red car.", "apple", "banana")), Is.Empty);
        });
    }

    [Test]
    public void A_word_of_neither_caption_nor_rules_is_broken()
    {
        const string caption = "a red car";
        Assert.That(Inspect(caption, Replace("color", caption, "a colomauve car", "red", "colomauve")), Does.Contain(DefectKind.BrokenWord));
    }

    [Test]
    public void A_change_beyond_the_term_and_its_article_is_flagged()
    {
        const string caption = "a red car on the left.";
        Assert.Multiple(() =>
        {
            Assert.That(Inspect(caption, Replace("color", caption, "a blue car on the right.", "red", "blue")), Does.Contain(DefectKind.UnintendedChange));
            Assert.That(Inspect(caption, Replace("color", caption, "a blue car on the left", "red", "blue")), Does.Contain(DefectKind.UnintendedChange));
            Assert.That(Inspect(caption, Replace("color", caption, "A blue car on the left.", "red", "blue")), Does.Contain(DefectKind.UnintendedChange));
        });
    }

    [Test]
    public void The_article_before_a_replacement_must_fit_its_sound()
    {
        const string caption = "an apple on a table";
        Assert.Multiple(() =>
        {
            Assert.That(Inspect(caption, Replace("object", caption, "an banana on a table", "apple", "banana")), Does.Contain(DefectKind.ArticleDisagreement));
            Assert.That(Inspect(caption, Replace("object", caption, "a banana on a table", "apple", "banana")), Does.Not.Contain(DefectKind.ArticleDisagreement));
            Assert.That(Inspect("a banana", Replace("object", "a banana", "a apple", "banana", "apple")), Does.Contain(DefectKind.ArticleDisagreement));
        });
    }

    [Test]
    public void A_number_word_must_agree_with_the_replaced_noun()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Inspect("two dogs on a bench", Replace("object", "two dogs on a bench", "two cat on a bench", "dogs", "cat")),
                Does.Contain(DefectKind.NumberDisagreement).And.Contain(DefectKind.FormChanged));
            Assert.That(Inspect("a dog on a bench", Replace("object", "a dog on a bench", "a cats on a bench", "dog", "cats")),
                Does.Contain(DefectKind.NumberDisagreement));
            Assert.That(Inspect("a herd of giraffes", Replace("object", "a herd of giraffes", "a herd of dog", "giraffes", "dog")),
                Does.Contain(DefectKind.NumberDisagreement));
        });
    }

    [Test]
    public void A_number_slip_of_the_caption_itself_is_not_the_rules_fault()
    {
        const string caption = "two giraffe near a bench";
        Assert.That(Inspect(caption, Replace("object", caption, "two dog near a bench", "giraffe", "dog")), Does.Not.Contain(DefectKind.NumberDisagreement));
    }

    [Test]
    public void A_comparative_must_stay_a_comparative()
    {
        const string caption = "a bigger car";
        Assert.That(Inspect(caption, Replace("size", caption, "a small car", "bigger", "small")), Does.Contain(DefectKind.FormChanged));
    }

    [Test]
    public void Synonyms_and_never_swap_pairs_are_not_negatives()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Inspect("a dog on a couch", Replace("object", "a dog on a couch", "a dog on a sofa", "couch", "sofa")), Does.Contain(DefectKind.SynonymOrHypernym));
            Assert.That(Inspect("a dog on a couch", Replace("object", "a dog on a couch", "a puppy on a couch", "dog", "puppy")), Does.Contain(DefectKind.SynonymOrHypernym));
            Assert.That(Inspect("a red car", Replace("color", "a red car", "a crimson car", "red", "crimson")), Does.Contain(DefectKind.SynonymOrHypernym));
        });
    }

    [Test]
    public void Replacements_outside_the_policy_are_flagged()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Inspect("a big car", Replace("size", "a big car", "a tall car", "big", "tall")), Does.Contain(DefectKind.PolicyViolation));
            Assert.That(Inspect("a dog", Replace("object", "a dog", "a car", "dog", "car")), Does.Contain(DefectKind.PolicyViolation));
            Assert.That(Inspect("a big car", Replace("size", "a big car", "a small car", "big", "small")), Does.Not.Contain(DefectKind.PolicyViolation));
        });
    }

    [Test]
    public void A_term_inside_a_blocked_phrase_is_flagged()
    {
        const string caption = "a glass of orange juice";
        Assert.That(Inspect(caption, Replace("color", caption, "a glass of blue juice", "orange", "blue")), Does.Contain(DefectKind.BlockedPhrase));
    }

    [Test]
    public void A_swap_is_checked_on_both_edits()
    {
        const string caption = "a red car and a blue bus";
        var swap = new HardNegative("a blue car and a red bus", "color", NegativeKind.Swap, "color/swap",
            new TermEdit(2, 3, "red", "blue"), new TermEdit(16, 4, "blue", "red"));
        var broken = swap with { Text = "a blue car and a blue bus" };
        Assert.Multiple(() =>
        {
            Assert.That(Inspect(caption, swap), Is.Empty);
            Assert.That(Inspect(caption, broken), Does.Contain(DefectKind.UnintendedChange));
        });
    }
}
