using System.Text.Json;
using HardNegRules.Quality;

namespace HardNegRules.Tests.Quality;

/// <summary>The repository's own rules, measured: no defects on the test sample of COCO captions.</summary>
public class RepositoryRulesQualityTests
{
    [Test]
    public void Repository_rules_make_no_defective_negatives_on_the_coco_sample()
    {
        RuleVocabulary vocabulary = RuleVocabulary.Load(TestRules.RepositoryRules);
        QualityReport report = RuleQualityReport.Run(Permuters.Default, vocabulary, TestRules.CocoSample, seed: 42, k: 3);
        Assert.Multiple(() =>
        {
            Assert.That(report.TotalDefects, Is.Zero, report.ToMarkdown());
            Assert.That(report.CoverageOf("object")!.Share, Is.GreaterThan(0.85));
        });
    }

    /// <summary>
    /// The measurement behind docs/rules.md ("Measured"): all 25,014 COCO val2017 captions and SugarCrepe. Needs the data
    /// folder named by HARDNEG_DATA; run with <c>dotnet test --filter Name~Full_measurement</c>.
    /// </summary>
    [Test]
    [Explicit("Reads the full COCO val2017 captions and SugarCrepe from outside the repository.")]
    public void Full_measurement_on_coco_and_sugarcrepe()
    {
        string data = RealData.Folder();
        string coco = Path.Combine(data, "coco", "captions_val2017.json");
        Assume.That(File.Exists(coco), Is.True, $"{coco} not found");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(coco));
        var captions = document.RootElement.GetProperty("annotations").EnumerateArray()
            .Select(a => (a.GetProperty("id").GetRawText(), a.GetProperty("caption").GetString()!)).ToList();
        QualityReport report = RuleQualityReport.Run(Permuters.Default, RuleVocabulary.Load(TestRules.RepositoryRules), captions, seed: 42, k: 3);
        TestContext.Out.WriteLine(report.ToMarkdown());
        string sugarcrepe = Path.Combine(data, "sugarcrepe");
        IReadOnlyList<SugarCrepeRecord> replaceAtt = SugarCrepeRecord.Load(Path.Combine(sugarcrepe, "replace_att.json"));
        IReadOnlyList<SugarCrepeRecord> replaceObj = SugarCrepeRecord.Load(Path.Combine(sugarcrepe, "replace_obj.json"));
        TestContext.Out.WriteLine(SugarCrepeAgreement.MeasureReplace(Permuters.Default, replaceAtt).ToMarkdown("replace_att"));
        TestContext.Out.WriteLine(SugarCrepeAgreement.MeasureReplace(Permuters.Default, replaceObj).ToMarkdown("replace_obj"));
        TestContext.Out.WriteLine(SugarCrepeAgreement.MeasureSwap(Permuters.Default, SugarCrepeRecord.Load(Path.Combine(sugarcrepe, "swap_att.json"))).ToMarkdown("swap_att"));
        Assert.That(report.TotalDefects, Is.Zero);
    }
}
