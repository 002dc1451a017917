using System.Text;
using HardNegRules.Rules.Compilation;
using HardNegRules.Rules.Diagnostics;
using HardNegRules.Rules.Parsing;

namespace HardNegRules.Rules.Tests;

/// <summary>Rule files that are too big, too deep, not UTF-8 or self-contradictory are located errors, never crashes.</summary>
public class RuleFileHardeningTests
{
    private const string Path = "rules/color.yaml";

    private static List<RuleDiagnostic> Errors(string yaml) =>
        [.. RuleCompiler.Compile([new RuleSource(Path, RulePaths.DefaultPack, yaml)]).Diagnostics.Where(d => d.Severity == RuleSeverity.Error)];

    private static RuleDiagnostic Single(string id, string yaml)
    {
        List<RuleDiagnostic> errors = Errors(yaml);
        Assert.That(errors.Where(d => d.Id == id).ToList(), Has.Count.EqualTo(1), string.Join("\n", errors));
        return errors.Single(d => d.Id == id);
    }

    /// <summary>The diagnostic points at (line, column) and its message holds every one of <paramref name="messageParts"/>.</summary>
    private static void AssertAt(RuleDiagnostic d, (int Line, int Column) at, params string[] messageParts) =>
        Assert.Multiple(() =>
        {
            Assert.That((d.Span.Line, d.Span.Column), Is.EqualTo(at));
            foreach (string part in messageParts)
            {
                Assert.That(d.Message, Does.Contain(part));
            }
        });

    [TestCase(10_000)]
    [TestCase(200_000)]
    public void Deeply_nested_flow_lists_are_an_over_limit_error_at_the_place(int depth)
    {
        string yaml = "concept: color\nterms: " + new string('[', depth) + "red" + new string(']', depth) + "\n";
        RuleDiagnostic d = Single(RuleErrors.OverLimit, yaml);
        Assert.Multiple(() =>
        {
            Assert.That(d.Span.Line, Is.EqualTo(2));
            Assert.That(d.Span.Column, Is.EqualTo(8 + RuleFileLimits.MaxDepth - 1), "at the first bracket past the limit");
            Assert.That(d.Message, Does.Contain($"{RuleFileLimits.MaxDepth} deep"));
        });
    }

    [Test]
    public void Deeply_nested_block_mappings_are_an_over_limit_error()
    {
        var yaml = new StringBuilder("concept: color\nterms: [red, blue]\ndescription:\n");
        for (int i = 0; i < 200; i++)
        {
            yaml.Append(' ', i + 1).Append('k').Append(i).Append(":\n");
        }

        RuleDiagnostic d = Single(RuleErrors.OverLimit, yaml.ToString());
        // The root is level 1 and the mapping starting on line n is level n - 2: line MaxDepth + 3 is the first past the limit.
        Assert.That(d.Span.Line, Is.EqualTo(RuleFileLimits.MaxDepth + 3));
    }

    [Test]
    public void Nesting_at_the_limit_is_still_read()
    {
        // The root mapping is level 1; the terms list is level 2; the rest fill up to the limit inside 'description'.
        int inner = RuleFileLimits.MaxDepth - 1;
        string yaml = "concept: color\nterms: [red, blue]\ndescription: " + new string('[', inner) + "x" + new string(']', inner) + "\n";
        List<RuleDiagnostic> errors = Errors(yaml);
        Assert.That(errors.Select(e => e.Id), Does.Not.Contain(RuleErrors.OverLimit));
    }

    [Test]
    public void A_file_over_the_size_limit_is_refused_before_parsing()
    {
        string yaml = "concept: color\nterms: [red, blue]\ndescription: " + new string('x', RuleFileLimits.MaxChars) + "\n";
        RuleDiagnostic d = Single(RuleErrors.OverLimit, yaml);
        Assert.That(d.Message, Does.Contain("over the limit"));
    }

    [Test]
    public void Invalid_utf8_in_a_term_is_an_error_at_its_line_and_column()
    {
        byte[] bytes = [.. "concept: color\nterms:\n  - red\n  - ca"u8, 0xE9, .. "fe\n"u8];
        // The compiler and hardneg both decode with replacement characters, as Roslyn does for AdditionalFiles.
        string text = new UTF8Encoding(false, false).GetString(bytes);
        RuleDiagnostic d = Single(RuleErrors.InvalidText, text);
        AssertAt(d, (4, 7), "UTF-8");
    }

    [TestCase("concept: color\nterms:\n\t- red\n", 3, 1)]
    [TestCase("concept: color\nterms:\n  - red\n\t- blue\n", 4, 1)]
    [TestCase("concept: color\n\tterms: [red, blue]\n", 2, 1)]
    [TestCase("concept: color\nterms:\n  - red\n  \t- blue\n", 4, 3)]
    public void A_tab_in_indentation_is_reported_at_the_tab(string yaml, int line, int column)
    {
        RuleDiagnostic d = Single(RuleErrors.MalformedYaml, yaml);
        AssertAt(d, (line, column), "tab");
    }

    [Test]
    public void An_unclosed_flow_list_says_what_to_look_for()
    {
        RuleDiagnostic d = Single(RuleErrors.MalformedYaml, "concept: color\nterms: [red, blue\n");
        Assert.That(d.Message, Does.StartWith("Not valid YAML").And.Not.Contain("Operation is not valid"));
    }

    [Test]
    public void A_pair_both_synonyms_and_opposites_is_a_contradiction_with_both_places()
    {
        RuleDiagnostic d = Single(RuleErrors.Contradiction, """
            concept: size
            policy: opposite
            terms: [big, large, small]
            synonyms:
              - [big, large]
            opposites:
              - [big, small]
              - [big, large]
            """);
        AssertAt(d, (8, 6), "'synonyms'", "line 5, column 6");
    }

    [Test]
    public void Merged_synonym_groups_contradict_an_opposite_too()
    {
        RuleDiagnostic d = Single(RuleErrors.Contradiction, """
            concept: size
            policy: opposite
            terms: [big, large, huge, small]
            synonyms: [[big, large], [large, huge]]
            opposites: [[big, small], [huge, big]]
            """);
        Assert.That(d.Span.Line, Is.EqualTo(5));
    }

    [Test]
    public void A_term_opposite_to_itself_is_a_contradiction()
    {
        RuleDiagnostic d = Single(RuleErrors.Contradiction, """
            concept: location
            policy: opposite
            terms: [left, right]
            opposites: [[left, right], [right, right]]
            """);
        AssertAt(d, (4, 29), "opposite to itself", "line 4, column 36");
    }

    [Test]
    public void A_term_opposite_to_its_own_variant_is_a_contradiction()
    {
        RuleDiagnostic d = Single(RuleErrors.Contradiction, """
            concept: color
            policy: opposite
            terms: [{ gray: { variants: [grey] } }, white, black]
            opposites: [[white, black], [Gray, grey]]
            """);
        Assert.That(d.Message, Does.Contain("spellings of one term"));
    }

    [Test]
    public void An_opposite_pair_in_a_never_swap_group_is_a_contradiction()
    {
        RuleDiagnostic d = Single(RuleErrors.Contradiction, """
            concept: size
            policy: opposite
            terms: [big, small]
            never-swap: [[big, small]]
            opposites: [[big, small]]
            """);
        Assert.That(d.Message, Does.Contain("'never-swap'"));
    }

    [Test]
    public void Consistent_opposites_and_synonyms_still_compile()
    {
        List<RuleDiagnostic> errors = Errors("""
            concept: size
            policy: opposite
            terms: [big, large, small, little]
            synonyms: [[big, large], [small, little]]
            opposites: [[big, small]]
            """);
        Assert.That(errors, Is.Empty);
    }
}
