using HardNegRules.Permutation;

namespace HardNegRules.Tests;

/// <summary>
/// The permuters compiled at build time and the interpreter over the same YAML must agree on every caption: same terms
/// found, same negatives for the same seed.
/// </summary>
public class GeneratedMatchesInterpretedTests
{
    private static readonly RuleSet Interpreted = RuleSet.Load(TestRules.RepositoryRules);

    private static IEnumerable<string> Packs() => Permuters.Packs;

    [Test]
    public void The_same_packs_are_compiled_and_interpreted() =>
        Assert.That(Interpreted.Packs, Is.EquivalentTo(Permuters.Packs));

    [TestCaseSource(nameof(Packs))]
    public void Tables_are_identical(string pack)
    {
        var generated = Permuters.Get(pack).CompiledPack;
        var interpreted = Interpreted.Get(pack).CompiledPack;
        Assert.Multiple(() =>
        {
            Assert.That(generated.Concepts, Is.EqualTo(interpreted.Concepts));
            Assert.That(generated.Entries, Is.EqualTo(interpreted.Entries));
            Assert.That(generated.Terms.Select(Describe), Is.EqualTo(interpreted.Terms.Select(Describe)));
            Assert.That(generated.Contexts.Count, Is.EqualTo(interpreted.Contexts.Count));
        });
    }

    [TestCaseSource(nameof(Packs))]
    public void Same_terms_and_same_negatives_on_real_captions(string pack)
    {
        IPermuter generated = Permuters.Get(pack);
        IPermuter interpreted = Interpreted.Get(pack);
        Span<TermMatch> a = stackalloc TermMatch[64];
        Span<TermMatch> b = stackalloc TermMatch[64];
        int withTerms = 0;
        foreach ((string id, string caption) in TestRules.CocoSample)
        {
            int na = generated.FindTerms(caption, a);
            int nb = interpreted.FindTerms(caption, b);
            Assert.That(a[..na].ToArray(), Is.EqualTo(b[..nb].ToArray()), caption);
            withTerms += na > 0 ? 1 : 0;

            NegativeSeed seed = NegativeSeed.For(7, id, 0);
            Assert.That(generated.Permute(caption, 3, seed), Is.EqualTo(interpreted.Permute(caption, 3, seed)).Using<HardNegative>(SameNegative), caption);
        }

        if (pack == Permuters.DefaultPack)
        {
            Assert.That(withTerms, Is.GreaterThan(TestRules.CocoSample.Count / 2), "the default rules find terms in most COCO captions");
        }
    }

    private static bool SameNegative(HardNegative x, HardNegative y) => x == y;

    private static string Describe(Rules.Compilation.CompiledTerm t) =>
        $"{t.Concept}|{t.Name}|{t.Weight}|{string.Join(",", t.Forms)}|{string.Join(",", t.AnArticle)}|{string.Join(",", t.Targets)}|{t.PoolStart}-{t.PoolEnd}|{string.Join(",", t.Excluded)}|{t.Source}";
}
