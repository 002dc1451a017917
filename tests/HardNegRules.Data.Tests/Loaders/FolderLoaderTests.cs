using HardNegRules.Data.Loaders;

namespace HardNegRules.Data.Tests.Loaders;

public class Fashion200KLoaderTests : LoaderTestFiles
{
    [Test]
    public void Label_lines_become_items_with_category_split_and_score()
    {
        Touch("women/dresses/casual_and_day_dresses/51727804/51727804_0.jpeg");
        Touch("women/jackets/down_jackets/1/1_0.jpeg");
        Write("labels/dress_train_detect_all.txt",
            "women/dresses/casual_and_day_dresses/51727804/51727804_0.jpeg\t0.87\tblack lace dress \n" +
            "\n" +
            "women/dresses/x/2.jpeg\t0.5\tmissing image\n" +
            "women/dresses/casual_and_day_dresses/51727804/51727804_0.jpeg\tabc\tred dress\n" +
            "only two\tfields\n" +
            "women/dresses/casual_and_day_dresses/51727804/51727804_0.jpeg\t0.9\t  \n");
        Write("labels/jacket_train_detect_all.txt", "women/jackets/down_jackets/1/1_0.jpeg\t1\tnavy down jacket\n");
        var report = new DataLoadReport();
        var items = Fashion200KLoader.Read(Dir, "train", report).ToList();

        Assert.That(items.Select(i => (i.Category, i.Pair.Caption, i.DetectionScore, i.Pair.Split)), Is.EqualTo(new[]
        {
            ("dress", "black lace dress", 0.87, "train"), ("jacket", "navy down jacket", 1.0, "train"),
        }));
        Assert.That(File.Exists(items[0].Pair.Image.Path), Is.True);
        Assert.That(items[0].Pair.Id, Is.EqualTo("women/dresses/casual_and_day_dresses/51727804/51727804_0.jpeg"));
        Assert.That(report.Errors.Where(e => e.Line is not null).Select(e => (e.Line, e.Message)), Is.EqualTo(new (long?, string)[]
        {
            (3, $"image women/dresses/x/2.jpeg not found under {Dir}"),
            (4, "detection score 'abc' is not a number"),
            (5, "expected 3 tab-separated fields (image path, detection score, description), found 2"),
            (6, "empty description"),
        }));
        Assert.That(report.Errors.Count(e => e.Message == "label file not found"), Is.EqualTo(3), "pants, skirt, top");
    }

    [Test]
    public void Without_images_the_labels_alone_can_be_read()
    {
        string labels = Write("labels/top_test_detect_all.txt", "women/tops/1.jpeg\t0.7\tstriped cotton top\n");
        var report = new DataLoadReport();
        var item = Fashion200KLoader.ReadLabelFile(labels, Dir, "top", "test", report, requireImageFiles: false).Single();
        Assert.That(item.Pair.Caption, Is.EqualTo("striped cotton top"));
        Assert.That(report.ErrorCount, Is.Zero);
    }
}

public class ImageFolderLoaderTests : LoaderTestFiles
{
    [Test]
    public void Jsonl_lines_pair_captions_with_files_in_the_folder()
    {
        foreach (string image in Directory.GetFiles(CocoImages, "*.jpg"))
        {
            File.Copy(image, Path.Combine(Dir, Path.GetFileName(image)));
        }

        Write("captions.jsonl",
            "{\"file_name\": \"000000117645.jpg\", \"caption\": \"A man riding a snowboard.\", \"id\": 7}\n" +
            "{\"image\": \"000000011813.jpg\", \"captions\": [\"A camera on a tripod.\", \"A laptop and a camera.\"]}\n" +
            "\n" +
            "{not json\n" +
            "{\"file_name\": \"nope.jpg\", \"caption\": \"missing\"}\n" +
            "{\"file_name\": \"000000135561.jpg\"}\n" +
            "{\"caption\": \"no file\"}\n" +
            "[1]\n");
        var report = new DataLoadReport();
        var pairs = ImageFolderLoader.Read(Dir, "captions.jsonl", report).ToList();

        Assert.That(pairs.Select(p => (p.Id, p.Caption)), Is.EqualTo(new[]
        {
            ("7", "A man riding a snowboard."), ("2/0", "A camera on a tripod."), ("2/1", "A laptop and a camera."),
        }));
        Assert.That(pairs.All(p => new SafeImageLoader().Load(p.Image).Succeeded), Is.True);
        Assert.That(report.Errors.Select(e => e.Line), Is.EqualTo(new long?[] { 4, 5, 6, 7, 8 }));
        Assert.That(report.Errors[0].Message, Does.StartWith("not valid JSON"));
        Assert.That(report.Errors[1].Message, Does.StartWith("image nope.jpg not found"));
    }

    [Test]
    public void A_missing_captions_file_is_reported()
    {
        var report = new DataLoadReport();
        Assert.That(ImageFolderLoader.Read(Dir, "captions.jsonl", report).ToList(), Is.Empty);
        Assert.That(report.Errors.Single().Message, Is.EqualTo("captions file not found"));
    }
}
