using CsCheck;
using HardNegRules.Rules.Compilation;
using HardNegRules.Rules.Diagnostics;

namespace HardNegRules.Rules.Tests;

/// <summary>
/// The text a generated permuter carries reads back as exactly the pack (and trie) it was written from: for the
/// repository's packs, and for strings no rule file would hold (quotes, backslashes, '#', '-', line breaks, lone
/// surrogates).
/// </summary>
public class CompiledPackTextTests
{
    private static IReadOnlyList<CompiledPack> RepositoryPacks()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "HardNegRules.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        Assert.That(dir, Is.Not.Null, "the repository root (HardNegRules.sln) above the test assembly");
        string rules = Path.Combine(dir!, "rules");
        var sources = Directory.EnumerateFiles(rules, "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "presets" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(f =>
            {
                string relative = "rules/" + Path.GetRelativePath(rules, f).Replace('\\', '/');
                return new RuleSource(relative, RulePaths.PackOf(RulePaths.RelativeToRulesFolder(relative)!)!, File.ReadAllText(f));
            });
        RuleCompilation compilation = RuleCompiler.Compile(sources);
        Assert.That(compilation.Diagnostics.Where(d => d.Severity == RuleSeverity.Error), Is.Empty);
        return compilation.Packs;
    }

    [Test]
    public void The_repository_packs_read_back_as_written()
    {
        IReadOnlyList<CompiledPack> packs = RepositoryPacks();
        Assert.That(packs.Select(p => p.Name), Does.Contain("default"));
        foreach (CompiledPack pack in packs)
        {
            AssertSame(pack, CompiledPackText.Parse(CompiledPackText.Write(pack)));
            Assert.That(CompiledPackText.ParseTrie(CompiledPackText.WriteTrie(pack)), Is.EqualTo(MatchTrie.Build(pack).Encode()), pack.Name);
        }
    }

    [Test]
    public void Any_strings_read_back_as_written()
    {
        Gen<string> strings = Gen.OneOf(Gen.String, Gen.Char.Array[0, 12].Select(c => new string(c)),
            Gen.OneOf("-", "#", "\"", "\\", "\"\"\"", "a\nb", "\\u0041", "x # y", "\ud800", "é", "[", "]", ",", "=", ".."));
        Gen<string> words = Gen.Char['a', 'z'].Array[1, 6].Select(c => new string(c));
        strings.Select(strings, strings, words).SampleFixed((name, form, source, text) =>
        {
            var pack = new CompiledPack(name, 3,
                [new CompiledConcept(name, 0.1, 1e-7, 2.5, source)],
                [
                    new CompiledTerm(0, name, 0.3, [form, null, source, null], [true, false, false, true], [1], source) { PoolStart = 0, PoolEnd = 2, Excluded = [0] },
                    new CompiledTerm(0, text, 1, [text, null, null, null], [false, false, false, false], [], source),
                ],
                [new CompiledEntry(text, 1, 0, 0, 0, source), new CompiledEntry(text + " " + text, -1, 0, 0, -1, name)],
                [new CompiledContext([[name, form], [source]], [], [["."]], [[text]], source)]);
            AssertSame(pack, CompiledPackText.Parse(CompiledPackText.Write(pack)));
            Assert.That(CompiledPackText.ParseTrie(CompiledPackText.WriteTrie(pack)), Is.EqualTo(MatchTrie.Build(pack).Encode()));
        }, iter: 500, seed: "0000000001Ai");
    }

    [Test]
    public void A_broken_text_names_its_line()
    {
        string text = CompiledPackText.Write(RepositoryPacks()[0]);
        string broken = text.Replace("term 1 concept=", "term 1 konzept=", StringComparison.Ordinal);
        Assert.That(broken, Is.Not.EqualTo(text));
        var error = Assert.Throws<FormatException>(() => CompiledPackText.Parse(broken));
        Assert.That(error!.Message, Does.Contain("line ").And.Contain("expected 'concept'"));
    }

    private static void AssertSame(CompiledPack expected, CompiledPack actual)
    {
        Assert.That(actual.Name, Is.EqualTo(expected.Name));
        Assert.That(actual.MaxNegatives, Is.EqualTo(expected.MaxNegatives));
        Assert.That(actual.Concepts, Is.EqualTo(expected.Concepts));
        Assert.That(actual.Entries, Is.EqualTo(expected.Entries));
        AssertPairwise(expected.Terms, actual.Terms, (e, a) =>
        {
            Assert.That((a.Concept, a.Name, a.Weight, a.Source, a.PoolStart, a.PoolEnd), Is.EqualTo((e.Concept, e.Name, e.Weight, e.Source, e.PoolStart, e.PoolEnd)));
            Assert.That(a.Forms, Is.EqualTo(e.Forms));
            Assert.That(a.AnArticle, Is.EqualTo(e.AnArticle));
            Assert.That(a.Targets, Is.EqualTo(e.Targets));
            Assert.That(a.Excluded, Is.EqualTo(e.Excluded));
        });
        AssertPairwise(expected.Contexts, actual.Contexts, (e, a) =>
        {
            Assert.That(a.NotBefore, Is.EqualTo(e.NotBefore));
            Assert.That(a.NotAfter, Is.EqualTo(e.NotAfter));
            Assert.That(a.OnlyBefore, Is.EqualTo(e.OnlyBefore));
            Assert.That(a.OnlyAfter, Is.EqualTo(e.OnlyAfter));
            Assert.That(a.Source, Is.EqualTo(e.Source));
        });
    }

    /// <summary>The same number of items, each pair checked by <paramref name="assertSame"/> (the records hold lists,
    /// which compare by reference).</summary>
    private static void AssertPairwise<T>(IReadOnlyList<T> expected, IReadOnlyList<T> actual, Action<T, T> assertSame)
    {
        Assert.That(actual, Has.Count.EqualTo(expected.Count));
        for (int i = 0; i < expected.Count; i++)
        {
            assertSame(expected[i], actual[i]);
        }
    }
}
