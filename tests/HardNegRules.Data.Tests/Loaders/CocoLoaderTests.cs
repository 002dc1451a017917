using System.Text;
using HardNegRules.Data.Loaders;

namespace HardNegRules.Data.Tests.Loaders;

public class KarpathyCocoLoaderTests : LoaderTestFiles
{
    private const string Sample = """
        {"images": [
          {"filepath": "val2014", "sentids": [1, 2], "filename": "COCO_val2014_000000391895.jpg", "imgid": 0, "split": "test",
           "sentences": [{"tokens": ["a", "man"], "raw": "A man with a red helmet on a small moped.", "imgid": 0, "sentid": 770337},
                         {"raw": "  Man riding a motor bike on a dirt road.  ", "sentid": 770354}], "cocoid": 391895},
          {"filepath": "train2014", "filename": "COCO_train2014_000000000009.jpg", "split": "train",
           "sentences": [{"raw": "Closeup of bins of food.", "sentid": 1}, {"tokens": []}, {"raw": ""}]},
          {"filepath": "val2014", "split": "val", "sentences": []},
          {"filename": "x.jpg", "split": "restval"},
          42
        ], "dataset": "coco"}
        """;

    [Test]
    public void Sentences_become_pairs_with_split_and_image_path()
    {
        var report = new DataLoadReport();
        var pairs = KarpathyCocoLoader.Read(Write("dataset_coco.json", Sample), "/coco", report).ToList();

        Assert.That(pairs.Select(p => (p.Id, p.Caption, p.Split)), Is.EqualTo(new[]
        {
            ("770337", "A man with a red helmet on a small moped.", "test"),
            ("770354", "Man riding a motor bike on a dirt road.", "test"),
            ("1", "Closeup of bins of food.", "train"),
        }));
        Assert.That(pairs[0].Image.Path, Is.EqualTo(Path.Combine("/coco", "val2014", "COCO_val2014_000000391895.jpg")));
        Assert.That(report.RecordCount, Is.EqualTo(3));
    }

    [Test]
    public void Bad_images_and_sentences_are_reported_by_index()
    {
        var report = new DataLoadReport();
        string path = Write("dataset_coco.json", Sample);
        _ = KarpathyCocoLoader.Read(path, null, report).ToList();

        Assert.That(report.Errors.Select(e => e.Message), Is.EqualTo(new[]
        {
            "image 1 (COCO_train2014_000000000009.jpg), sentence 1: missing a non-empty string \"raw\" field",
            "image 1 (COCO_train2014_000000000009.jpg), sentence 2: missing a non-empty string \"raw\" field",
            "image 2: missing a non-empty string \"filename\" field",
            "image 3 (x.jpg): missing a \"sentences\" array",
            "image 4: expected a JSON object",
        }));
        Assert.That(report.Errors.Select(e => e.Record), Is.EqualTo(new long?[] { 1, 1, 2, 3, 4 }));
        Assert.That(report.Errors[0].ToString(), Does.StartWith($"{path}[record 1]:"));
    }

    [Test]
    public void A_split_filter_keeps_only_that_split()
    {
        var report = new DataLoadReport();
        var pairs = KarpathyCocoLoader.Read(Write("dataset_coco.json", Sample), null, report, split: "train").ToList();
        Assert.That(pairs.Select(p => p.Caption), Is.EqualTo(new[] { "Closeup of bins of food." }));
    }

    [Test]
    public void A_large_file_streams_across_buffer_boundaries()
    {
        var json = new StringBuilder("{\"dataset\": \"coco\", \"images\": [");
        for (int i = 0; i < 3000; i++)
        {
            json.Append(i > 0 ? "," : string.Empty)
                .Append($$"""{"filepath": "val2014", "filename": "{{i}}.jpg", "split": "test", "sentences": [{"raw": "caption {{i}} with \"quotes\" and é", "sentid": {{i}}}]}""");
        }

        json.Append("]}");
        var report = new DataLoadReport();
        var pairs = KarpathyCocoLoader.Read(Write("big.json", json.ToString()), null, report).ToList();

        Assert.That(pairs, Has.Count.EqualTo(3000));
        Assert.That(pairs[2999].Caption, Is.EqualTo("caption 2999 with \"quotes\" and é"));
        Assert.That(report.ErrorCount, Is.Zero);
    }

    [Test]
    public void A_truncated_or_wrong_file_is_an_error_with_its_place()
    {
        var report = new DataLoadReport();
        int cut = Sample.IndexOf("{\"filepath\": \"val2014\", \"split\"", StringComparison.Ordinal);
        DataFileException? e = Assert.Throws<DataFileException>(() => KarpathyCocoLoader.Read(Write("t.json", Sample[..cut]), null, report).ToList());
        Assert.That(e!.Message, Does.Contain("t.json at byte 561 (line 7): the file ends inside the \"images\" array"));

        string Fault(string name, string json) =>
            Assert.Throws<DataFileException>(() => KarpathyCocoLoader.Read(Write(name, json), null, report).ToList())!.Message;
        Assert.Multiple(() =>
        {
            Assert.That(Fault("a.json", "[1, 2]"), Does.Contain("a.json at byte 0 (line 1): the root is not a JSON object"));
            Assert.That(Fault("b.json", "{\"images\": {}}"), Does.Contain("b.json at byte 11 (line 1): \"images\" is not an array"));
            Assert.That(Fault("c.json", "{\"dataset\": \"coco\"}\n"), Does.Contain("c.json at byte 20 (line 2): no \"images\" array in the root object"));
            Assert.That(Fault("d.json", "{\"images\": [{\"filename\": \"a.jpg\", \"sentences\": [}]}"), Does.Contain("(line 1): not valid JSON"));
            Assert.That(() => KarpathyCocoLoader.Read(Path.Combine(Dir, "missing.json"), null, report).ToList(), Throws.TypeOf<FileNotFoundException>());
        });
    }
}

public class CocoCaptionsLoaderTests : LoaderTestFiles
{
    [Test]
    public void Captions_are_paired_with_their_image_files_by_image_id()
    {
        string annotations = Write("captions.json", """
            {"info": {}, "annotations": [
              {"image_id": 117645, "id": 1, "caption": "A man riding a snowboard down a snow covered slope."},
              {"image_id": 11813, "id": 2, "caption": "A camera sits on a tripod connected to a laptop. "},
              {"image_id": 999, "id": 3, "caption": "No such image."},
              {"image_id": 5, "id": 4, "caption": "Image listed, file missing."},
              {"image_id": 117645, "id": 5},
              {"id": 6, "caption": "no image id"}
            ],
             "images": [{"id": 117645, "file_name": "000000117645.jpg"}, {"id": 11813, "file_name": "000000011813.jpg"},
                        {"id": 5, "file_name": "000000000005.jpg"}, {"id": 6}, {"id": 11813, "file_name": "again.jpg"}]}
            """);
        var report = new DataLoadReport();
        var pairs = CocoCaptionsLoader.Read(annotations, CocoImages, report).ToList();

        Assert.That(pairs.Select(p => (p.Id, p.Caption)), Is.EqualTo(new[]
        {
            ("1", "A man riding a snowboard down a snow covered slope."),
            ("2", "A camera sits on a tripod connected to a laptop."),
        }));
        Assert.That(File.Exists(pairs[1].Image.Path), Is.True);
        Assert.That(report.Errors.Select(e => e.Message), Is.EqualTo(new[]
        {
            "image 3: missing a non-empty string \"file_name\" field",
            "image 4: id 11813 appears twice",
            "annotation 2: image_id 999 is not in \"images\"",
            $"annotation 3: image file 000000000005.jpg (image_id 5) is not in {CocoImages}",
            "annotation 4: missing a non-empty string \"caption\" field",
            "annotation 5: missing an \"image_id\"",
        }));
        Assert.That(report.RecordCount, Is.EqualTo(2));
    }

    [Test]
    public void The_real_coco_sample_pairs_every_caption_with_an_image()
    {
        string folder = Path.Combine(TestData, "coco", "val2017-sample");
        var report = new DataLoadReport();
        var pairs = CocoCaptionsLoader.Read(Path.Combine(folder, "captions.json"), folder, report).ToList();
        Assert.That(pairs, Has.Count.EqualTo(110));
        Assert.That(report.ErrorCount, Is.Zero);
    }
}
