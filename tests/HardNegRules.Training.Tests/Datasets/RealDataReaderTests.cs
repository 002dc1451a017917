using HardNegRules.Data.Loaders;
using HardNegRules.Training.Datasets;
using HardNegRules.Training.Presets;

namespace HardNegRules.Training.Tests.Datasets;

public class RealDataReaderTests
{
    private static Preset Coco(string captions, string images, params string[] overrides) =>
        PresetCatalog.Load("coco", [$"data.captions={captions}", $"data.images={images}", .. overrides]);

    [Test]
    public void A_coco_captions_file_is_split_by_image_with_a_seeded_fraction()
    {
        using var dir = new TempDirectory();
        RealDataFiles.WriteCocoFolder(dir.Path, images: 10, captionsPerImage: 3);
        Preset preset = Coco(dir.File("captions.json"), dir.Path, "data.validation-fraction=0.2");

        RealDataSplits splits = RealDataReader.Read(preset);
        RealDataSplits again = RealDataReader.Read(preset);
        RealDataSplits otherSeed = RealDataReader.Read(preset with { Data = preset.Data with { Seed = 99 } });

        Assert.That(splits.HeldOut, Has.Count.EqualTo(6), "2 of 10 images, 3 captions each");
        Assert.That(splits.Train, Has.Count.EqualTo(24));
        Assert.That(splits.Train.Select(p => p.Image.Path).Intersect(splits.HeldOut.Select(p => p.Image.Path)), Is.Empty);
        Assert.That(again.HeldOut.Select(p => p.Id), Is.EqualTo(splits.HeldOut.Select(p => p.Id)), "deterministic");
        Assert.That(otherSeed.HeldOut.Select(p => p.Id), Is.Not.EqualTo(splits.HeldOut.Select(p => p.Id)), "the seed draws the split");
        Assert.That(splits.HeldOutFrom, Does.Contain("0.2 of the images"));
    }

    [Test]
    public void The_split_is_the_same_wherever_the_data_set_lives()
    {
        using var here = new TempDirectory();
        using var there = new TempDirectory();
        string moved = Directory.CreateDirectory(Path.Combine(there.Path, "copies", "coco")).FullName;
        RealDataFiles.WriteCocoFolder(here.Path, images: 10, captionsPerImage: 3);
        RealDataFiles.WriteCocoFolder(moved, images: 10, captionsPerImage: 3);

        RealDataSplits original = RealDataReader.Read(Coco(here.File("captions.json"), here.Path, "data.validation-fraction=0.3"));
        RealDataSplits copy = RealDataReader.Read(Coco(Path.Combine(moved, "captions.json"), moved, "data.validation-fraction=0.3"));

        Assert.That(copy.HeldOut.Select(p => Path.GetRelativePath(moved, p.Image.Path!)),
            Is.EqualTo(original.HeldOut.Select(p => Path.GetRelativePath(here.Path, p.Image.Path!))));
    }

    [Test]
    public void Max_samples_limits_training_pairs_but_not_the_held_out_split()
    {
        using var dir = new TempDirectory();
        RealDataFiles.WriteCocoFolder(dir.Path, images: 10, captionsPerImage: 2);

        RealDataSplits all = RealDataReader.Read(Coco(dir.File("captions.json"), dir.Path));
        RealDataSplits limited = RealDataReader.Read(Coco(dir.File("captions.json"), dir.Path, "data.max-samples=5"));

        Assert.That(limited.Train.Select(p => p.Id), Is.EqualTo(all.Train.Take(5).Select(p => p.Id)));
        Assert.That(limited.HeldOut.Select(p => p.Id), Is.EqualTo(all.HeldOut.Select(p => p.Id)));
    }

    [Test]
    public void Karpathys_file_is_recognised_and_its_test_split_held_out()
    {
        using var dir = new TempDirectory();
        RealDataFiles.WriteKarpathy(dir.File("dataset_coco.json"), "train", "restval", "val", "test", "test");
        for (int i = 0; i < 5; i++)
        {
            RealDataFiles.WritePng(Path.Combine(dir.Path, "imgs", $"img{i}.png"), 8, 8, i);
        }
        File.Delete(Path.Combine(dir.Path, "imgs", "img1.png"));
        var report = new DataLoadReport();

        RealDataSplits splits = RealDataReader.Read(Coco(dir.File("dataset_coco.json"), dir.Path), report);

        Assert.That(splits.Train.Select(p => p.Id), Is.EqualTo(new[] { "0", "1" }), "train; restval's image is missing");
        Assert.That(splits.HeldOut.Select(p => p.Id), Is.EqualTo(new[] { "30", "31", "40", "41" }));
        Assert.That(splits.HeldOutFrom, Is.EqualTo("the file's test split"));
        Assert.That(report.Errors.Select(e => e.ToString()), Has.All.Contains("img1.png").And.All.Contains("not found"));
        Assert.That(report.ErrorCount, Is.EqualTo(2), "both sentences of the missing image");
    }

    [Test]
    public void Fashion200K_reads_train_and_test_label_files_and_reports_bad_lines_with_their_line()
    {
        using var dir = new TempDirectory();
        string labels = Path.Combine(dir.Path, "labels");
        Directory.CreateDirectory(labels);
        File.WriteAllLines(Path.Combine(labels, "dress_train_detect_all.txt"),
        [
            "women/dresses/1/1_0.png\t0.9\tblack lace dress",
            "women/dresses/2/2_0.png\tnot-a-score\tred dress",
            "women/dresses/3/3_0.png\t0.8\tblue cotton dress",
        ]);
        File.WriteAllLines(Path.Combine(labels, "dress_test_detect_all.txt"), ["women/dresses/4/4_0.png\t0.7\twhite silk dress"]);
        foreach (int i in new[] { 1, 2, 3, 4 })
        {
            RealDataFiles.WritePng(Path.Combine(dir.Path, "women", "dresses", $"{i}", $"{i}_0.png"), 8, 8, i);
        }
        var report = new DataLoadReport();

        RealDataSplits splits = RealDataReader.Read(PresetCatalog.Load("fashion200k", [$"data.images={dir.Path}"]), report);

        Assert.That(splits.Train.Select(p => p.Caption), Is.EqualTo(new[] { "black lace dress", "blue cotton dress" }));
        Assert.That(splits.HeldOut.Select(p => p.Caption), Is.EqualTo(new[] { "white silk dress" }));
        Assert.That(report.Errors.Select(e => e.ToString()), Has.One.Contains("dress_train_detect_all.txt(2)").And.Contains("not-a-score"));
        Assert.That(report.Errors.Count(e => e.Message == "label file not found"), Is.EqualTo(8), "four other categories, two splits");
    }

    [Test]
    public void Without_test_label_files_the_held_out_split_is_drawn_on_request()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "labels"));
        var lines = new List<string>();
        for (int i = 0; i < 4; i++)
        {
            RealDataFiles.WritePng(Path.Combine(dir.Path, "img", $"{i}.png"), 8, 8, i);
            lines.Add($"img/{i}.png\t0.9\tred silk top {i}");
        }
        File.WriteAllLines(Path.Combine(dir.Path, "labels", "top_train_detect_all.txt"), lines);

        var error = Assert.Throws<PresetException>(() => RealDataReader.Read(PresetCatalog.Load("fashion200k", [$"data.images={dir.Path}"])));
        RealDataSplits drawn = RealDataReader.Read(PresetCatalog.Load("fashion200k",
            [$"data.images={dir.Path}", "data.held-out=fraction", "data.validation-fraction=0.25"]));

        Assert.That(error!.Message, Does.Contain("4 training and 0 held-out pairs").And.Contain("data.held-out=fraction"));
        Assert.That((drawn.Train.Count, drawn.HeldOut.Count), Is.EqualTo((3, 1)));
    }

    [Test]
    public void A_missing_path_names_the_key_and_the_path()
    {
        var error = Assert.Throws<PresetException>(() => RealDataReader.Read(Coco("no/such/captions.json", ".")));
        Assert.That(error!.Message, Does.Contain("data.captions").And.Contain("no/such/captions.json"));

        var unset = Assert.Throws<PresetException>(() => RealDataReader.Read(PresetCatalog.Load("coco")));
        Assert.That(unset!.Message, Does.Contain("data.captions is required").And.Contain("--set data.captions=PATH"));
    }

    [Test]
    public void A_coco_captions_file_has_no_split_of_its_own()
    {
        using var dir = new TempDirectory();
        RealDataFiles.WriteCocoCaptions(dir.File("captions.json"), images: 3, captionsPerImage: 1);

        var error = Assert.Throws<PresetException>(() => RealDataReader.Read(Coco(dir.File("captions.json"), dir.Path, "data.held-out=file")));

        Assert.That(error!.Message, Does.Contain("data.held-out=fraction"));
    }
}
