using HardNegRules.Permutation;
using HardNegRules.Rules.Compilation;

namespace HardNegRules.Quality.Tests;

public class RuleQualityReportTests
{
    private static readonly (string, string)[] Captions =
    [
        ("1", "A red car next to a big dog."),
        ("2", "An apple and a glass of orange juice."),
        ("3", "Nothing to change here."),
        ("4", "A blue bus and a red car."),
    ];

    [Test]
    public void Measures_coverage_per_concept_and_finds_no_defects_in_good_rules()
    {
        QualityReport report = RuleQualityReport.Run(QualityTestRules.Permuter, QualityTestRules.Vocabulary, Captions, seed: 1, k: 20);
        Assert.Multiple(() =>
        {
            Assert.That(report.Captions, Is.EqualTo(4));
            Assert.That(report.CoverageOf("color")!.CaptionsWithNegative, Is.EqualTo(2), "orange in 'orange juice' is blocked");
            Assert.That(report.CoverageOf("object")!.CaptionsWithNegative, Is.EqualTo(3));
            Assert.That(report.CoverageOf("size")!.CaptionsWithNegative, Is.EqualTo(1));
            Assert.That(report.CoverageOf("color")!.Swaps, Is.GreaterThan(0));
            Assert.That(report.TotalDefects, Is.Zero, report.ToMarkdown());
        });
    }

    [Test]
    public void Counts_and_shows_the_defects_of_a_bad_permuter()
    {
        QualityReport report = RuleQualityReport.Run(new ColomauvePermuter(), QualityTestRules.Vocabulary, Captions, seed: 1, k: 1, examplesPerKind: 1);
        string markdown = report.ToMarkdown();
        Assert.Multiple(() =>
        {
            Assert.That(report.DefectCounts[DefectKind.BrokenWord], Is.EqualTo(2));
            Assert.That(report.Examples.Count(e => e.Kind == DefectKind.BrokenWord), Is.EqualTo(1));
            Assert.That(markdown, Does.Contain("| color | 2 | 50.0 % | 2 | 0 |"));
            Assert.That(markdown, Does.Contain("| BrokenWord | 2 |"));
            Assert.That(markdown, Does.Contain("colomauve"));
        });
    }

    // Replaces "red" with a word no rule has, as a typo in a rule file or a bad splice would.
    private sealed class ColomauvePermuter : IPermuter
    {
        public string Pack => "bad";

        public IReadOnlyList<string> Concepts { get; } = ["color"];

        public CompiledPack CompiledPack => throw new NotSupportedException("The report never reads the pack's tables.");

        public int FindTerms(ReadOnlySpan<char> caption, Span<TermMatch> matches, ulong conceptMask = ConceptMask.All) => 0;

        public int Permute(ReadOnlySpan<char> caption, int k, NegativeSeed seed, Span<char> textBuffer, Span<NegativeSpan> results,
            ulong conceptMask = ConceptMask.All) => 0;

        public IReadOnlyList<HardNegative> Permute(string caption, int k, NegativeSeed seed, ulong conceptMask = ConceptMask.All)
        {
            int at = caption.IndexOf("red", StringComparison.Ordinal);
            return at < 0
                ? []
                : [new HardNegative(caption.Remove(at, 3).Insert(at, "colomauve"), "color", NegativeKind.Replace, "color/red", new TermEdit(at, 3, "red", "colomauve"))];
        }

        public IReadOnlyList<TermExplanation> Explain(string caption) => [];
    }
}
