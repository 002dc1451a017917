using HardNegRules.Data.Loaders;

namespace HardNegRules.Data.Tests.Loaders;

/// <summary>Paths in data files stay inside their data folder: climbing out, absolute paths and links out are refused.</summary>
public class DataRootTests : LoaderTestFiles
{
    [Test]
    public void Relative_paths_inside_the_folder_resolve_to_the_folder_joined_with_them()
    {
        var root = new DataRoot(Dir);
        Assert.Multiple(() =>
        {
            Assert.That(root.Resolve("val2014/a.jpg", out string? p1), Is.EqualTo(Path.Combine(Dir, "val2014/a.jpg")));
            Assert.That(p1, Is.Null);
            Assert.That(root.Resolve("val2014/../b.jpg", out _), Is.EqualTo(Path.Combine(Dir, "val2014/../b.jpg")), "'..' that stays inside is fine");
        });
    }

    [TestCase("../../../../etc/passwd")]
    [TestCase("val2014/../../secret.jpg")]
    [TestCase("..")]
    public void Paths_that_climb_out_are_refused(string written)
    {
        Assert.That(new DataRoot(Dir).Resolve(written, out string? problem), Is.Null);
        Assert.That(problem, Does.Contain("leaves the data folder"));
    }

    [Test]
    public void Absolute_paths_are_refused_unless_allowed()
    {
        Assert.That(new DataRoot(Dir).Resolve("/etc/passwd", out string? problem), Is.Null);
        Assert.That(problem, Does.Contain("absolute path '/etc/passwd' is not allowed").And.Contain("data.allow-absolute-paths: true"));
        Assert.That(new DataRoot(Dir, allowAbsolutePaths: true).Resolve("/etc/passwd", out problem), Is.EqualTo("/etc/passwd"));
        Assert.That(problem, Is.Null);
    }

    [Test]
    public void A_link_that_points_out_of_the_folder_is_refused_and_one_inside_is_kept()
    {
        string outside = Write("outside/secret.jpg", "x");
        string data = Path.Combine(Dir, "data");
        Directory.CreateDirectory(Path.Combine(data, "inner"));
        File.WriteAllText(Path.Combine(data, "inner", "ok.jpg"), "x");
        File.CreateSymbolicLink(Path.Combine(data, "leak.jpg"), outside);
        Directory.CreateSymbolicLink(Path.Combine(data, "leakdir"), Path.Combine(Dir, "outside"));
        File.CreateSymbolicLink(Path.Combine(data, "fine.jpg"), Path.Combine("inner", "ok.jpg"));
        var root = new DataRoot(data);
        Assert.Multiple(() =>
        {
            Assert.That(root.Resolve("leak.jpg", out string? p1), Is.Null);
            Assert.That(p1, Does.Contain("is a link to").And.Contain("secret.jpg"));
            Assert.That(root.Resolve("leakdir/secret.jpg", out _), Is.Null, "a linked folder on the way");
            Assert.That(root.Resolve("fine.jpg", out _), Is.Not.Null);
        });
    }

    [Test]
    public void Without_a_folder_paths_are_kept_as_written_but_may_not_climb_out()
    {
        var root = new DataRoot(null);
        Assert.Multiple(() =>
        {
            Assert.That(root.Resolve("coco/val2014/a.jpg", out _), Is.EqualTo("coco/val2014/a.jpg"));
            Assert.That(root.Resolve("../x.jpg", out string? problem), Is.Null);
            Assert.That(problem, Does.Contain("working folder"));
        });
    }
}

/// <summary>Every loader that reads image paths resolves them through <see cref="DataRoot"/> and reports what leaves.</summary>
public class LoaderPathTests : LoaderTestFiles
{
    private const string Escape = "../../../../etc/passwd";

    private string Images()
    {
        string images = Path.Combine(Dir, "images");
        Directory.CreateDirectory(images);
        File.WriteAllText(Path.Combine(images, "ok.jpg"), "x");
        return images;
    }

    [Test]
    public void Coco_file_names_outside_the_image_folder_are_reported_and_skipped()
    {
        string images = Images();
        string json = Write("captions.json", $$"""
            {"images": [{"id": 1, "file_name": "ok.jpg"}, {"id": 2, "file_name": "{{Escape}}"}, {"id": 3, "file_name": "/etc/passwd"}],
             "annotations": [{"id": 10, "image_id": 1, "caption": "a"}, {"id": 11, "image_id": 2, "caption": "b"}, {"id": 12, "image_id": 3, "caption": "c"}]}
            """);
        var report = new DataLoadReport();
        List<ImageCaptionPair> pairs = [.. CocoCaptionsLoader.Read(json, images, report, requireImageFiles: false)];
        Assert.That(pairs.Select(p => p.Id), Is.EqualTo(new[] { "10" }));
        Assert.That(report.Errors.Select(e => e.Message), Has.Some.Contains("leaves the data folder").And.Some.Contains("absolute path"));
        Assert.That(report.ErrorCount, Is.EqualTo(2));

        List<ImageCaptionPair> allowed = [.. CocoCaptionsLoader.Read(json, images, new DataLoadReport(), requireImageFiles: false, allowAbsolutePaths: true)];
        Assert.That(allowed.Select(p => p.Image.Path), Does.Contain("/etc/passwd"));
    }

    [Test]
    public void Karpathy_paths_outside_the_root_are_reported_and_skipped()
    {
        string images = Images();
        string json = Write("dataset_coco.json", $$"""
            {"images": [
              {"filepath": "", "filename": "ok.jpg", "split": "train", "sentences": [{"raw": "a", "sentid": 1}]},
              {"filepath": "val2014", "filename": "{{Escape}}", "split": "train", "sentences": [{"raw": "b", "sentid": 2}]},
              {"filepath": "/etc", "filename": "passwd", "split": "train", "sentences": [{"raw": "c", "sentid": 3}]}]}
            """);
        var report = new DataLoadReport();
        List<ImageCaptionPair> pairs = [.. KarpathyCocoLoader.Read(json, images, report)];
        Assert.That(pairs.Select(p => p.Id), Is.EqualTo(new[] { "1" }));
        Assert.That(report.Errors.Select(e => e.Record), Is.EqualTo(new long?[] { 1, 2 }));
    }

    [Test]
    public void Fashion200k_jsonl_csv_and_negclip_paths_outside_their_root_are_reported_and_skipped()
    {
        string images = Images();
        string labels = Write("images/labels/dress_train_detect_all.txt", $"ok.jpg\t0.9\tred dress\n{Escape}\t0.9\tblue dress\n/etc/passwd\t0.9\tgreen dress\n");
        var report = new DataLoadReport();
        Assert.That(Fashion200KLoader.ReadLabelFile(labels, images, "dress", "train", report).Select(i => i.Pair.Caption), Is.EqualTo(new[] { "red dress" }));
        Assert.That(report.Errors.Select(e => e.Line), Is.EqualTo(new long?[] { 2, 3 }));

        Write("images/captions.jsonl", $$"""
            {"file_name": "ok.jpg", "caption": "a"}
            {"file_name": "{{Escape}}", "caption": "b"}
            """);
        report = new DataLoadReport();
        Assert.That(ImageFolderLoader.Read(images, "captions.jsonl", report).Select(p => p.Caption), Is.EqualTo(new[] { "a" }));
        Assert.That(report.Errors.Single().Line, Is.EqualTo(2));

        string csv = Write("train.csv", $"filepath,title\nok.jpg,a\n{Escape},b\n/etc/passwd,c\n");
        report = new DataLoadReport();
        Assert.That(CaptionTableLoader.Read(csv, new DelimitedTableOptions { Separator = ',', ImageRoot = images }, report).Select(p => p.Caption), Is.EqualTo(new[] { "a" }));
        Assert.That(report.Errors.Select(e => e.Line), Is.EqualTo(new long?[] { 3, 4 }));

        string tsv = Write("neg.tsv", $"title\tfilepath\tneg_caption\na\tok.jpg\t['x']\nb\t{Escape}\t['y']\n");
        report = new DataLoadReport();
        Assert.That(NegClipTsvLoader.Read(tsv, report, images).Select(r => r.Pair.Caption), Is.EqualTo(new[] { "a" }));
        Assert.That(report.Errors.Single().Line, Is.EqualTo(3));
    }
}
