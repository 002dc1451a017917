using HardNegRules.Data.Loaders;

namespace HardNegRules.Cli.Tests;

public class NegClipExportTests
{
    [Test]
    public void Negclip_tsv_is_read_back_with_captions_images_and_negatives()
    {
        string dir = Hardneg.TempDirectory();
        string coco = Path.Combine(dir, "captions.json");
        File.WriteAllText(coco, """
            {"images": [{"id": 3, "file_name": "000000000003.jpg"}, {"id": 4, "file_name": "000000000004.jpg"}],
             "annotations": [{"id": 17, "image_id": 3, "caption": "A red bus on the left."},
                             {"id": 18, "image_id": 4, "caption": "Nothing to change here."},
                             {"id": 19, "image_id": 4, "caption": "A man's \"big\" dog, isn't it?"}]}
            """);
        string tsv = Path.Combine(dir, "train.tsv");

        Hardneg.Result run = Hardneg.Run("negatives", "--input", coco, "--output", tsv, "--format", "negclip", "--image-root", "coco/val2017/", "--k", "2");

        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run.Stderr, Does.Contain("1 captions without negatives left out"));
        Assert.That(File.ReadLines(tsv).First(), Is.EqualTo("\ttitle\tfilepath\tneg_caption\tneg_image"));
        var report = new DataLoadReport();
        List<NegClipRecord> records = [.. NegClipTsvLoader.Read(tsv, report)];
        Assert.That(report.Errors, Is.Empty);
        Assert.That(records.Select(r => r.Pair.Caption), Is.EqualTo(new[] { "A red bus on the left.", "A man's \"big\" dog, isn't it?" }));
        Assert.That(records[0].Pair.Image.Path, Does.EndWith("coco/val2017/000000000003.jpg"));
        Assert.That(records[0].NegativeCaptions, Has.Count.EqualTo(2));
        Assert.That(records[1].NegativeCaptions, Has.All.StartWith("A ").And.All.Contain("\"").And.All.Contain("isn't it?"));
    }
}
