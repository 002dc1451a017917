using HardNegRules.Data.Loaders;

namespace HardNegRules.Data.Tests.Loaders;

public class BenchmarkLoaderTests : LoaderTestFiles
{
    [Test]
    public void Winoground_lines_become_examples_with_their_images_and_tags()
    {
        Touch("images/ex_0_img_0.png");
        Touch("images/ex_0_img_1.jpg");
        string path = Write("examples.jsonl",
            "{\"id\": 0, \"caption_0\": \"an old person kisses a young person\", \"caption_1\": \"a young person kisses an old person\", " +
            "\"image_0\": \"ex_0_img_0\", \"image_1\": \"ex_0_img_1\", \"tag\": \"Object\", \"secondary_tag\": \"\", \"num_main_preds\": 1, \"collapsed_tag\": \"Object\"}\n" +
            "\n{\"id\": 1, \"caption_0\": \"x\", \"image_0\": \"a\", \"image_1\": \"b\"}\nnot json\n");
        var report = new DataLoadReport();

        List<WinogroundExample> examples = [.. WinogroundLoader.Read(path, report)];

        Assert.That(examples, Has.Count.EqualTo(1));
        WinogroundExample e = examples[0];
        Assert.That((e.Id, e.Tag, e.SecondaryTag, e.MainPredicates, e.CollapsedTag), Is.EqualTo(("0", "Object", "", (int?)1, "Object")));
        Assert.That(Path.GetFileName(e.Image0.Path), Is.EqualTo("ex_0_img_0.png"));
        Assert.That(Path.GetFileName(e.Image1.Path), Is.EqualTo("ex_0_img_1.jpg"), "a converted copy is found by its extension");
        Assert.That(report.Errors.Select(r => (r.Line, r.Message.Split(':')[0])), Is.EqualTo(new (long?, string)[]
        {
            (3, "missing a non-empty string \"caption_1\" field"), (4, "not valid JSON"),
        }));
        Assert.That(WinogroundLoader.FindExamples(Dir), Is.EqualTo(path));
    }

    [Test]
    public void Aro_visual_genome_items_keep_box_captions_and_class()
    {
        string path = Write("visual_genome_attribution.json",
            "[{\"image_id\": \"1\", \"bbox_x\": 1.5, \"bbox_y\": 2, \"bbox_w\": 30, \"bbox_h\": 40, \"true_caption\": \"the white plate and the wooden table\", " +
            "\"false_caption\": \"the wooden plate and the white table\", \"attributes\": [\"white\", \"wooden\"], \"image_path\": \"2.jpg\"}, " +
            "{\"image_path\": \"3.jpg\", \"bbox_x\": 0, \"bbox_y\": 0, \"bbox_w\": 0, \"bbox_h\": 4, \"true_caption\": \"a\", \"false_caption\": \"b\", \"relation_name\": \"on\"}, " +
            "{\"image_path\": \"4.jpg\", \"true_caption\": \"a\", \"false_caption\": \"b\", \"relation_name\": \"on\"}, 7]");
        var report = new DataLoadReport();

        List<AroRegionItem> items = AroLoader.ReadRegions(path, Path.Combine(Dir, "images"), report);

        Assert.That(items.Select(i => (i.Index, i.X, i.Y, i.Width, i.Height, i.Class)), Is.EqualTo(new[] { (0L, 1.5, 2.0, 30.0, 40.0, "white_wooden") }));
        Assert.That(items[0].Image.Path, Is.EqualTo(Path.Combine(Dir, "images", "2.jpg")));
        Assert.That(report.Errors.Select(e => (e.Record, e.Message)), Is.EqualTo(new (long?, string)[]
        {
            (1, "item 1: bbox_w and bbox_h must be positive"), (2, "item 2: missing a number bbox_x, bbox_y, bbox_w or bbox_h"), (3, "item 3: expected a JSON object"),
        }));
    }

    [Test]
    public void Aro_retrieval_splits_read_captions_as_list_or_string()
    {
        string path = Write("coco_karpathy_test.json",
            "[{\"image\": \"val2014/a.jpg\", \"caption\": [\"one\", \"two\"]}, {\"image\": \"val2014/b.jpg\", \"caption\": \"three\"}, {\"image\": \"c.jpg\", \"caption\": []}]");
        var report = new DataLoadReport();

        List<AroCaptionedImage> images = AroLoader.ReadCaptionedImages(path, Dir, report);

        Assert.That(images.Select(i => (i.Index, Path.GetRelativePath(Dir, i.Image.Path!), string.Join("|", i.Captions))), Is.EqualTo(new[]
        {
            (0L, Path.Combine("val2014", "a.jpg"), "one|two"), (1L, Path.Combine("val2014", "b.jpg"), "three"),
        }));
        Assert.That(report.Errors.Single().Message, Does.Contain("missing \"caption\""));
        Assert.That(AroLoader.ReadCaptionedImages(Write("bad.json", "{\"not\": \"an array\"}"), Dir, report), Is.Empty);
        Assert.That(report.Errors[^1].Message, Is.EqualTo("expected a JSON array of items"));
    }
}
