namespace HardNegRules.Tests;

/// <summary>The fashion200k pack (rules/fashion200k) on real Fashion-IQ captions.</summary>
public class FashionPackTests
{
    private const string Pack = "fashion200k";

    [Test]
    public void The_interpreted_pack_gives_the_compiled_negatives()
    {
        IPermuter interpreted = RuleSet.Load(TestRules.RepositoryRules).Get(Pack);
        foreach ((string id, string caption) in FashionIqSample.Captions().Take(300))
        {
            NegativeSeed seed = NegativeSeed.For(7, id, 0);
            Assert.That(interpreted.Permute(caption, 4, seed).Select(n => n.Text),
                Is.EqualTo(Permuters.Get(Pack).Permute(caption, 4, seed).Select(n => n.Text)), caption);
        }
    }

    [TestCase("is solid black with no sleeves", "sleeve", "is solid black with long sleeves")]
    [TestCase("a black lace wrap dress", "material", "a black leather wrap dress")]
    [TestCase("a black lace wrap dress", "garment", "a black lace shift dress")]
    [TestCase("is navy and has a v-neck", "neckline", "is navy and has a scoop neck")]
    [TestCase("is floral and longer", "pattern", "is striped and longer")]
    [TestCase("is floral and longer", "size", "is floral and shorter")]
    public void Sample_negatives_look_right(string caption, string concept, string expected)
    {
        IPermuter permuter = Permuters.Get(Pack);
        ulong mask = 1UL << permuter.Concepts.ToList().IndexOf(concept);
        var texts = permuter.Permute(caption, 200, NegativeSeed.For(1, "x", 0), mask).Select(n => n.Text).ToList();
        Assert.That(texts, Does.Contain(expected));
    }

    [TestCase("is navy", "is blue")]
    [TestCase("is navy", "is navy blue")]
    [TestCase("a burgundy blouse", "a red blouse")]
    [TestCase("is a hoodie", "is a sweatshirt")]
    [TestCase("has no sleeves", "has sleeveless")]
    [TestCase("a satin dress", "a silk dress")]
    public void Near_synonyms_are_never_negatives(string caption, string never)
    {
        var texts = Permuters.Get(Pack).Permute(caption, 200, NegativeSeed.For(1, "x", 0)).Select(n => n.Text);
        Assert.That(texts, Is.Not.Empty.And.Not.Contain(never));
    }
}
