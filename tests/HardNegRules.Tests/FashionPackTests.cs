using System.Globalization;
using System.Text.Json;
using HardNegRules.Quality;

namespace HardNegRules.Tests;

/// <summary>The fashion200k pack (rules/fashion200k), measured on real Fashion-IQ captions.</summary>
public class FashionPackTests
{
    private const string Pack = "fashion200k";

    /// <summary>The pack's vocabulary as the checks need it: its own files plus the default-pack concepts it reuses.</summary>
    private static RuleVocabulary Vocabulary() => RuleVocabulary.LoadPack(TestRules.RepositoryRules, Pack);

    private static List<(string Id, string Caption)> Captions(IEnumerable<string> files)
    {
        var captions = new List<(string, string)>();
        foreach (string file in files)
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(file));
            int record = 0;
            foreach (JsonElement pair in document.RootElement.EnumerateArray())
            {
                int n = 0;
                foreach (JsonElement caption in pair.GetProperty("captions").EnumerateArray())
                {
                    captions.Add(($"{Path.GetFileName(file)}/{record}/{n++}", caption.GetString()!));
                }

                record++;
            }
        }

        return captions;
    }

    private static List<(string Id, string Caption)> Sample() =>
        Captions(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data", "fashion-iq"), "*.json").Order(StringComparer.Ordinal));

    [Test]
    public void The_pack_makes_no_defective_negatives_on_the_fashion_iq_sample()
    {
        List<(string Id, string Caption)> captions = Sample();
        QualityReport report = RuleQualityReport.Run(Permuters.Get(Pack), Vocabulary(), captions, seed: 42, k: 3);
        Assert.Multiple(() =>
        {
            Assert.That(captions, Has.Count.EqualTo(1800));
            Assert.That(report.TotalDefects, Is.Zero, report.ToMarkdown());
            Assert.That(report.CoverageOf("fashion-color")!.Share, Is.GreaterThan(0.4));
            Assert.That(report.CoverageOf("sleeve")!.Share, Is.GreaterThan(0.05));
        });
    }

    [Test]
    public void The_interpreted_pack_gives_the_compiled_negatives()
    {
        IPermuter interpreted = RuleSet.Load(TestRules.RepositoryRules).Get(Pack);
        foreach ((string id, string caption) in Sample().Take(300))
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

    /// <summary>The measurement behind rules/fashion200k/README.md: all Fashion-IQ train captions (HARDNEG_DATA).</summary>
    [Test]
    [Explicit("Reads the full Fashion-IQ train captions from outside the repository.")]
    public void Full_measurement_on_fashion_iq()
    {
        string folder = Path.Combine(RealData.Folder(), "fashion-iq");
        Assume.That(Directory.Exists(folder), Is.True, $"{folder} not found");
        List<(string Id, string Caption)> captions = Captions(Directory.GetFiles(folder, "cap.*.train.json").Order(StringComparer.Ordinal));
        QualityReport report = RuleQualityReport.Run(Permuters.Get(Pack), Vocabulary(), captions, seed: 42, k: 3);
        TestContext.Out.WriteLine(report.ToMarkdown());
        TestContext.Out.WriteLine(captions.Count.ToString(CultureInfo.InvariantCulture));
        Assert.That(report.TotalDefects, Is.Zero);
    }
}
