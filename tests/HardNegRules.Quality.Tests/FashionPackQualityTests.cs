using System.Globalization;
using HardNegRules.Tests;

namespace HardNegRules.Quality.Tests;

/// <summary>The fashion200k pack (rules/fashion200k), measured on real Fashion-IQ captions.</summary>
public class FashionPackQualityTests
{
    private const string Pack = "fashion200k";

    [Test]
    public void The_pack_makes_no_defective_negatives_on_the_fashion_iq_sample()
    {
        List<(string Id, string Caption)> captions = FashionIqSample.Captions();
        // The vocabulary is the pack's own files plus the default-pack concepts it reuses.
        QualityReport report = RuleQualityReport.Run(Permuters.Get(Pack), RuleVocabulary.LoadPack(rulesDirectory: null, Pack), captions, seed: 42, k: 3);
        Assert.Multiple(() =>
        {
            Assert.That(captions, Has.Count.EqualTo(1800));
            Assert.That(report.TotalDefects, Is.Zero, report.ToMarkdown());
            Assert.That(report.CoverageOf("fashion-color")!.Share, Is.GreaterThan(0.4));
            Assert.That(report.CoverageOf("sleeve")!.Share, Is.GreaterThan(0.05));
        });
    }

    [Test]
    public void The_pack_read_from_the_rules_folder_gives_the_report_of_the_compiled_pack()
    {
        List<(string Id, string Caption)> captions = [.. FashionIqSample.Captions().Take(300)];
        string compiled = RuleQualityReport.Run(Permuters.Get(Pack), RuleVocabulary.LoadPack(rulesDirectory: null, Pack), captions, seed: 42, k: 3).ToMarkdown();
        string interpreted = RuleQualityReport.Run(RuleSet.Load(TestRules.RepositoryRules).Get(Pack), RuleVocabulary.LoadPack(TestRules.RepositoryRules, Pack), captions, seed: 42, k: 3).ToMarkdown();
        Assert.That(interpreted, Is.EqualTo(compiled));
    }

    /// <summary>The measurement behind rules/fashion200k/README.md: all Fashion-IQ train captions (HARDNEG_DATA).</summary>
    [Test]
    [Explicit("Reads the full Fashion-IQ train captions from outside the repository.")]
    public void Full_measurement_on_fashion_iq()
    {
        string folder = Path.Combine(RealData.Folder(), "fashion-iq");
        Assume.That(Directory.Exists(folder), Is.True, $"{folder} not found");
        List<(string Id, string Caption)> captions = FashionIqSample.Read(Directory.GetFiles(folder, "cap.*.train.json").Order(StringComparer.Ordinal));
        QualityReport report = RuleQualityReport.Run(Permuters.Get(Pack), RuleVocabulary.LoadPack(rulesDirectory: null, Pack), captions, seed: 42, k: 3);
        TestContext.Out.WriteLine(report.ToMarkdown());
        TestContext.Out.WriteLine(captions.Count.ToString(CultureInfo.InvariantCulture));
        Assert.That(report.TotalDefects, Is.Zero);
    }
}
