using HardNegRules.Rules.Compilation;
using HardNegRules.Rules.Diagnostics;
using HardNegRules.Rules.Model;

namespace HardNegRules.Rules.Tests;

public class CompilerTests
{
    private static CompiledPack Pack(params (string Path, string Yaml)[] files)
    {
        RuleCompilation compilation = RuleCompiler.Compile(files.Select(f => new RuleSource(f.Path, RulePaths.PackOf(RulePaths.RelativeToRulesFolder(f.Path)!)!, f.Yaml)));
        Assert.That(compilation.Diagnostics.Where(d => d.Severity == RuleSeverity.Error), Is.Empty);
        return compilation.Packs.Single(p => p.Name == "default");
    }

    // A default pack with a color concept, and a pack "world" that reuses it (as pack.yaml says) beside a shape concept.
    private static RuleCompilation CompileWorld(string colorTerms, string packYaml) => RuleCompiler.Compile([
        new RuleSource("rules/color.yaml", "default", $"concept: color\nterms: [{colorTerms}]"),
        new RuleSource("rules/world/pack.yaml", "world", packYaml),
        new RuleSource("rules/world/shape.yaml", "world", "concept: shape\nterms: [circle, square]"),
    ]);

    private static CompiledTerm Term(CompiledPack pack, string name) => pack.Terms.Single(t => t.Name == name);

    // Every term that may replace a term: those listed, and the pool without its exclusions; weight 0 is never written.
    private static string[] Targets(CompiledPack pack, string name)
    {
        CompiledTerm term = Term(pack, name);
        IEnumerable<int> pool = Enumerable.Range(term.PoolStart, term.PoolEnd - term.PoolStart).Except(term.Excluded);
        return [.. term.Targets.Concat(pool).Where(t => pack.Terms[t].Weight > 0).Distinct().Order().Select(t => pack.Terms[t].Name)];
    }

    [TestCase("any")]
    [TestCase("same-category")]
    public void Replacement_tables_grow_linearly_with_the_vocabulary(string policy)
    {
        // Each term's replacements are a pool (the concept or its category) minus a few exclusions, not a list of every
        // other term: 3,000 terms would otherwise hold 9 million target entries.
        const int count = 3000;
        var yaml = new System.Text.StringBuilder($"concept: thing\npolicy: {policy}\n");
        yaml.Append(policy == "any" ? "terms:\n" : "categories:\n");
        for (int i = 0; i < count; i++)
        {
            if (policy != "any" && i % 100 == 0)
            {
                yaml.Append($"  c{i / 100}:\n");
            }

            yaml.Append(policy == "any" ? "  - " : "    - ").Append($"w{i}\n");
        }

        yaml.Append("synonyms: [[w0, w1, w2]]\nnever-swap: [[w3, w4]]\n");
        CompiledPack pack = Pack(("rules/thing.yaml", yaml.ToString()));
        long stored = pack.Terms.Sum(t => (long)t.Targets.Count + t.Excluded.Count);
        Assert.That(stored, Is.LessThan(count * 4L));
        Assert.That(Targets(pack, "w0"), Does.Not.Contain("w1").And.Not.Contain("w2").And.Not.Contain("w0").And.Contain("w5"));
        Assert.That(Targets(pack, "w3"), Does.Not.Contain("w4").And.Contain("w5"));
        Assert.That(Targets(pack, "w5"), Has.Length.EqualTo(policy == "any" ? count - 1 : 99));
    }

    [Test]
    public void Noun_inflection_makes_regular_plurals_unless_given_or_none()
    {
        CompiledPack pack = Pack(("rules/object.yaml", """
            concept: object
            inflection: noun
            terms: [dog, bus, bench, fire hydrant, { donut: { variants: [doughnut] } }, { sheep: { plural: sheep } }, { scissors: { plural: none } }, { knife: { plural: knives } }, puppy]
            """));
        Assert.Multiple(() =>
        {
            Assert.That(Term(pack, "dog").Forms[(int)FormKind.Plural], Is.EqualTo("dogs"));
            Assert.That(Term(pack, "bus").Forms[(int)FormKind.Plural], Is.EqualTo("buses"));
            Assert.That(Term(pack, "bench").Forms[(int)FormKind.Plural], Is.EqualTo("benches"));
            Assert.That(Term(pack, "fire hydrant").Forms[(int)FormKind.Plural], Is.EqualTo("fire hydrants"));
            Assert.That(Term(pack, "puppy").Forms[(int)FormKind.Plural], Is.EqualTo("puppies"));
            Assert.That(Term(pack, "knife").Forms[(int)FormKind.Plural], Is.EqualTo("knives"));
            Assert.That(Term(pack, "scissors").Forms[(int)FormKind.Plural], Is.Null);
            Assert.That(pack.Entries.Where(e => e.Form == (int)FormKind.Plural).Select(e => e.Text), Does.Contain("donuts").And.Contain("doughnuts"));
        });
        // "sheep" is both singular and plural: one entry, kept as the base form.
        Assert.That(pack.Entries.Where(e => e.Text == "sheep").Select(e => e.Form), Is.EqualTo(new[] { (int)FormKind.Base }));
    }

    [Test]
    public void Articles_follow_the_sound_with_overrides()
    {
        CompiledPack pack = Pack(("rules/object.yaml", """
            concept: object
            terms: [apple, umbrella, unicorn, hour glass, { ufo: { article: a } }, { honest man: {} }, { x-ray: { article: an } }, car]
            """));
        bool An(string name) => Term(pack, name).AnArticle[0];
        Assert.Multiple(() =>
        {
            Assert.That(An("apple"), Is.True);
            Assert.That(An("umbrella"), Is.True);
            Assert.That(An("unicorn"), Is.False);
            Assert.That(An("hour glass"), Is.True);
            Assert.That(An("honest man"), Is.True);
            Assert.That(An("ufo"), Is.False);
            Assert.That(An("x-ray"), Is.True);
            Assert.That(An("car"), Is.False);
        });
    }

    [Test]
    public void Policies_decide_the_replacements()
    {
        CompiledPack pack = Pack(
            ("rules/color.yaml", "concept: color\nterms: [red, blue, black, charcoal]\nsynonyms: [[black, charcoal]]"),
            ("rules/object.yaml", "concept: object\npolicy: same-category\ncategories:\n  animal: [dog, cat, puppy]\n  vehicle: [car, bus]\nnever-swap: [[dog, puppy]]"),
            ("rules/size.yaml", "concept: size\npolicy: opposite\nterms: [big, large, small, tiny]\nsynonyms: [[big, large], [small, tiny]]\nopposites: [[big, small]]"));
        Assert.Multiple(() =>
        {
            Assert.That(Targets(pack, "black"), Is.EquivalentTo(new[] { "red", "blue" }));
            Assert.That(Targets(pack, "red"), Is.EquivalentTo(new[] { "blue", "black", "charcoal" }));
            Assert.That(Targets(pack, "dog"), Is.EquivalentTo(new[] { "cat" }));
            Assert.That(Targets(pack, "car"), Is.EquivalentTo(new[] { "bus" }));
            Assert.That(Targets(pack, "large"), Is.EquivalentTo(new[] { "small", "tiny" }));
            Assert.That(Targets(pack, "tiny"), Is.EquivalentTo(new[] { "big", "large" }));
        });
    }

    [Test]
    public void Weight_zero_terms_are_matched_but_never_written()
    {
        CompiledPack pack = Pack(("rules/color.yaml", "concept: color\nterms: [red, blue, { fuchsia: { weight: 0 } }]"));
        Assert.That(Targets(pack, "red"), Is.EquivalentTo(new[] { "blue" }));
        Assert.That(Targets(pack, "fuchsia"), Is.EquivalentTo(new[] { "red", "blue" }));
    }

    [Test]
    public void Entries_are_sorted_with_contexts_first_and_blocked_phrases_last()
    {
        CompiledPack pack = Pack(
            ("rules/color.yaml", "concept: color\nterms: [red, orange]\nblocked: [orange juice]\ncontexts:\n  - term: orange\n    not-after: [an]"),
            ("rules/object.yaml", "concept: object\nterms: [apple, orange]"));
        List<CompiledEntry> oranges = [.. pack.Entries.Where(e => e.Text == "orange")];
        Assert.That(oranges.Select(e => (pack.Concepts[e.Concept].Name, e.Context >= 0)), Is.EqualTo(new[] { ("color", true), ("object", false) }));
        Assert.That(pack.Entries.Select(e => e.Text), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(pack.Entries.Single(e => e.Text == "orange juice").Term, Is.EqualTo(-1));
    }

    [Test]
    public void A_pack_reuses_concepts_of_the_default_pack()
    {
        RuleCompilation compilation = CompileWorld("red, blue", "pack: world\nuses: [color]\nmax-negatives: 2");
        CompiledPack world = compilation.Packs.Single(p => p.Name == "world");
        Assert.That(world.Concepts.Select(c => c.Name), Is.EqualTo(new[] { "color", "shape" }));
        Assert.That(world.MaxNegatives, Is.EqualTo(2));
        Assert.That(world.Concepts[0].Source, Is.EqualTo("rules/color.yaml:1"));
    }

    [Test]
    public void A_reused_concept_can_be_narrowed_to_the_terms_a_pack_writes()
    {
        RuleCompilation compilation = CompileWorld("red, blue, lavender, green", "pack: world\nuses:\n  - color: { only: [red, blue, green] }");
        CompiledPack world = compilation.Packs.Single(p => p.Name == "world");
        Assert.That(Targets(world, "red"), Is.EquivalentTo(new[] { "blue", "green" }));
        Assert.That(Targets(world, "lavender"), Is.EquivalentTo(new[] { "red", "blue", "green" }), "still recognised");
        Assert.That(Targets(compilation.Packs.Single(p => p.Name == "default"), "red"), Is.EquivalentTo(new[] { "blue", "lavender", "green" }));

        RuleCompilation wrong = RuleCompiler.Compile([
            new RuleSource("rules/color.yaml", "default", "concept: color\nterms: [red, blue]"),
            new RuleSource("rules/world/pack.yaml", "world", "pack: world\nuses:\n  - color: { only: [red, bleu] }"),
        ]);
        Assert.That(wrong.Diagnostics.Single().ToString(), Does.StartWith("rules/world/pack.yaml(3,26): error HNR011: 'bleu' in 'only'"));
    }

    [Test]
    public void Diagnostics_print_like_compiler_errors()
    {
        RuleCompilation compilation = RuleCompiler.Compile([new RuleSource("rules/color.yaml", "default", "concept: color\nterms: [red]\n")]);
        Assert.That(compilation.HasErrors, Is.True);
        Assert.That(compilation.Diagnostics.Single().ToString(),
            Is.EqualTo("rules/color.yaml(2,9): error HNR006: Term 'red' has no allowed replacement: every other term is its synonym or in a never-swap group with it."));
        Assert.That(compilation.Packs, Is.Empty);
    }
}
