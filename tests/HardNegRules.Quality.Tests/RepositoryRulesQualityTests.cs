using System.Text.Json;
using HardNegRules.Data.Loaders;
using HardNegRules.Tests;

namespace HardNegRules.Quality.Tests;

/// <summary>The repository's own rules, measured: no defects on the test sample of COCO captions.</summary>
public class RepositoryRulesQualityTests
{
    [Test]
    public void Repository_rules_make_no_defective_negatives_on_the_coco_sample()
    {
        // The compiled default pack, judged against the rule files it was built from (embedded in the program).
        QualityReport report = RuleQualityReport.Run(Permuters.Default, RuleVocabulary.LoadPack(rulesDirectory: null, Permuters.DefaultPack), TestRules.CocoSample, seed: 42, k: 3);
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
        QualityReport report = RuleQualityReport.Run(Permuters.Default, RuleVocabulary.LoadPack(rulesDirectory: null, Permuters.DefaultPack), captions, seed: 42, k: 3);
        TestContext.Out.WriteLine(report.ToMarkdown());
        string sugarcrepe = Path.Combine(data, "sugarcrepe");
        List<SugarCrepeItem> Category(string name) => SugarCrepeFiles.ReadCategory(Path.Combine(sugarcrepe, name + ".json"), name, new DataLoadReport());
        TestContext.Out.WriteLine(SugarCrepeAgreement.MeasureReplace(Permuters.Default, Category("replace_att")).ToMarkdown("replace_att"));
        TestContext.Out.WriteLine(SugarCrepeAgreement.MeasureReplace(Permuters.Default, Category("replace_obj")).ToMarkdown("replace_obj"));
        TestContext.Out.WriteLine(SugarCrepeAgreement.MeasureSwap(Permuters.Default, Category("swap_att")).ToMarkdown("swap_att"));
        Assert.That(report.TotalDefects, Is.Zero);
    }
}
