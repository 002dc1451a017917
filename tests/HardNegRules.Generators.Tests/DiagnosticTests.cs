using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HardNegRules.Generators.Tests;

/// <summary>Every kind of mistake in a rule file is a build diagnostic at its file, line and column.</summary>
public class DiagnosticTests
{
    private static Diagnostic Single(string id, params (string Path, string Text)[] files)
    {
        var (_, result, _) = GeneratorHarness.Run(files);
        Assert.That(result.Exception, Is.Null, "the generator must never throw");
        List<Diagnostic> matching = result.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.That(matching, Has.Count.EqualTo(1), string.Join("\n", result.Diagnostics));
        return matching[0];
    }

    private static void AssertAt(Diagnostic diagnostic, string path, int line, int column, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Multiple(() =>
        {
            Assert.That(span.Path, Is.EqualTo(path));
            Assert.That(span.StartLinePosition.Line + 1, Is.EqualTo(line), "line");
            Assert.That(span.StartLinePosition.Character + 1, Is.EqualTo(column), "column");
            Assert.That(diagnostic.Severity, Is.EqualTo(severity));
        });
    }

    private const string Path = "/repo/rules/color.yaml";

    [Test]
    public void HNR001_malformed_yaml()
    {
        Diagnostic d = Single("HNR001", (Path, "concept: color\nterms: [red, blue\n"));
        AssertAt(d, Path, 3, 1);
        Assert.That(d.GetMessage(), Does.StartWith("Not valid YAML"));
    }

    [Test]
    public void HNR001_unterminated_quote()
    {
        Diagnostic d = Single("HNR001", (Path, "concept: color\nterms:\n  - \"red\n"));
        Assert.That(d.Location.GetLineSpan().Path, Is.EqualTo(Path));
    }

    [Test]
    public void HNR002_unknown_key_suggests_the_nearest()
    {
        Diagnostic d = Single("HNR002", (Path, "concept: color\nterm: [red, blue]\nterms: [red, blue]\n"));
        AssertAt(d, Path, 2, 1);
        Assert.That(d.GetMessage(), Does.Contain("Unknown key 'term'").And.Contain("Did you mean 'terms'?"));
    }

    [Test]
    public void HNR002_unknown_term_property()
    {
        Diagnostic d = Single("HNR002", (Path, "concept: color\nterms:\n  - gray: { variant: [grey] }\n  - red\n"));
        AssertAt(d, Path, 3, 13);
        Assert.That(d.GetMessage(), Does.Contain("Did you mean 'variants'?"));
    }

    [Test]
    public void HNR003_unknown_concept_in_uses()
    {
        Diagnostic d = Single("HNR003",
            (Path, "concept: color\nterms: [red, blue]"),
            ("/repo/rules/world/pack.yaml", "pack: world\nuses: [color, colour]"),
            ("/repo/rules/world/shape.yaml", "concept: shape\nterms: [circle, square]"));
        AssertAt(d, "/repo/rules/world/pack.yaml", 2, 15);
        Assert.That(d.GetMessage(), Does.Contain("'colour'").And.Contain("Known concepts: color"));
    }

    [Test]
    public void HNR004_term_in_two_concepts()
    {
        Diagnostic d = Single("HNR004",
            (Path, "concept: color\nterms: [red, orange]"),
            ("/repo/rules/object.yaml", "concept: object\nterms: [apple, orange]"));
        AssertAt(d, "/repo/rules/object.yaml", 2, 16);
        Assert.That(d.GetMessage(), Does.Contain("give one a context"));
    }

    [Test]
    public void HNR004_is_not_raised_when_a_context_tells_the_two_apart()
    {
        var (_, result, _) = GeneratorHarness.Run(
            (Path, "concept: color\nterms: [red, orange]\ncontexts:\n  - term: orange\n    not-after: [an]"),
            ("/repo/rules/object.yaml", "concept: object\nterms: [apple, orange]"));
        Assert.That(result.Diagnostics, Is.Empty);
    }

    [Test]
    public void HNR005_duplicate_term()
    {
        Diagnostic d = Single("HNR005", (Path, "concept: color\nterms:\n  - gray\n  - red\n  - grey: { variants: [gray] }\n"));
        AssertAt(d, Path, 5, 24);
    }

    [Test]
    public void HNR006_term_without_any_allowed_replacement()
    {
        Diagnostic d = Single("HNR006", (Path, "concept: size\npolicy: opposite\nterms: [small, large, tall]\nopposites: [[small, large]]"));
        AssertAt(d, Path, 3, 23);
        Assert.That(d.GetMessage(), Does.Contain("'tall' has no opposite"));
    }

    [Test]
    public void HNR007_opposite_that_is_not_a_term()
    {
        Diagnostic d = Single("HNR007", (Path, "concept: location\npolicy: opposite\nterms: [left, right]\nopposites:\n  - [left, right]\n  - [left, rigth]"));
        AssertAt(d, Path, 6, 12);
    }

    [Test]
    public void HNR008_empty_concept()
    {
        Diagnostic d = Single("HNR008", (Path, "concept: color\nterms: []"));
        AssertAt(d, Path, 1, 10);
    }

    [Test]
    public void HNR009_blocked_phrase_without_a_term_can_never_match()
    {
        Diagnostic d = Single("HNR009", (Path, "concept: color\nterms: [red, orange]\nblocked:\n  - apple juice"));
        AssertAt(d, Path, 4, 5);
    }

    [Test]
    public void HNR009_contradictory_context_can_never_match()
    {
        Diagnostic d = Single("HNR009", (Path, "concept: location\nterms: [left, right]\ncontexts:\n  - term: left\n    only-after: [the]\n    not-after: [the]"));
        AssertAt(d, Path, 5, 18);
    }

    [Test]
    public void HNR010_invalid_value()
    {
        Diagnostic d = Single("HNR010", (Path, "concept: color\npolicy: sometimes\nterms: [red, blue]"));
        AssertAt(d, Path, 2, 9);
        Assert.That(d.GetMessage(), Does.Contain("any, same-category, opposite"));
    }

    [Test]
    public void HNR011_unknown_term_in_synonyms()
    {
        Diagnostic d = Single("HNR011", (Path, "concept: color\nterms: [red, blue, purple]\nsynonyms:\n  - [purple, violet]"));
        AssertAt(d, Path, 4, 14);
    }

    [Test]
    public void HNR012_missing_concept_key()
    {
        Diagnostic d = Single("HNR012", (Path, "terms: [red, blue]"));
        AssertAt(d, Path, 1, 1);
    }

    [Test]
    public void HNR013_concept_defined_twice()
    {
        Diagnostic d = Single("HNR013", (Path, "concept: color\nterms: [red, blue]"), ("/repo/rules/colour.yaml", "concept: color\nterms: [green, pink]"));
        AssertAt(d, "/repo/rules/colour.yaml", 1, 10);
    }

    [Test]
    public void HNR014_term_without_category_under_same_category_policy()
    {
        Diagnostic d = Single("HNR014", ("/repo/rules/object.yaml", "concept: object\npolicy: same-category\ncategories:\n  animal: [dog, cat]\nterms: [car]"));
        AssertAt(d, "/repo/rules/object.yaml", 5, 9);
    }

    [Test]
    public void HNR015_opposites_without_opposite_policy_is_a_warning()
    {
        Diagnostic d = Single("HNR015", (Path, "concept: size\nterms: [small, large]\nopposites: [[small, large]]"));
        AssertAt(d, Path, 3, 14, DiagnosticSeverity.Warning);
    }

    [Test]
    public void HNR016_deeply_nested_yaml_is_a_build_error_not_a_crash()
    {
        Diagnostic d = Single("HNR016", (Path, "concept: color\nterms: " + new string('[', 100_000) + "red" + new string(']', 100_000) + "\n"));
        // The limit is 32 levels: the 31st bracket (column 38) is level 32 under the root mapping, the 32nd crosses it.
        AssertAt(d, Path, 2, 39);
    }

    [Test]
    public void HNR017_invalid_utf8_is_a_build_error_at_its_place()
    {
        // The compiler reads AdditionalFiles with replacement characters where bytes are not UTF-8.
        byte[] bytes = [.. "concept: color\nterms: [red, ca"u8, 0xE9, .. "fe]\n"u8];
        var (_, result, _) = GeneratorHarness.Run((Path, SourceText.From(new MemoryStream(bytes), System.Text.Encoding.UTF8).ToString()));
        Diagnostic d = result.Diagnostics.Single(x => x.Id == "HNR017");
        AssertAt(d, Path, 2, 16);
    }

    [Test]
    public void HNR018_synonyms_and_opposites_that_contradict()
    {
        Diagnostic d = Single("HNR018", (Path, "concept: size\npolicy: opposite\nterms: [big, large, small]\nsynonyms: [[big, large]]\nopposites: [[big, small], [large, big]]\n"));
        AssertAt(d, Path, 5, 28);
        Assert.That(d.GetMessage(), Does.Contain("line 4, column 18"), "the synonyms entry of the opposite pair's first term");
    }

    [Test]
    public void A_pack_with_errors_generates_no_permuter()
    {
        var (_, result, _) = GeneratorHarness.Run((Path, "concept: color\nterms: [red]"));
        Assert.That(result.Diagnostics.Select(d => d.Id), Does.Contain("HNR006"));
        Assert.That(result.GeneratedSources, Is.Empty);
    }
}
