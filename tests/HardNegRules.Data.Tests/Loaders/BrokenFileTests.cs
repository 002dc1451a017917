using System.Diagnostics;
using System.Text;
using HardNegRules.Data.Loaders;
using HardNegRules.IO;

namespace HardNegRules.Data.Tests.Loaders;

/// <summary>A structurally broken data file is an error with its place, never a partial read; pipes are never opened.</summary>
public class BrokenFileTests : LoaderTestFiles
{
    private static string Karpathy(int images)
    {
        var json = new StringBuilder("{\"images\": [");
        for (int i = 0; i < images; i++)
        {
            json.Append(i > 0 ? ",\n" : "\n")
                .Append($$"""{"filepath": "val2014", "filename": "{{i}}.jpg", "split": "train", "sentences": [{"raw": "a red car {{i}}", "sentid": {{i}}}]}""");
        }

        return json.Append("\n], \"dataset\": \"coco\"}\n").ToString();
    }

    [Test]
    public void A_karpathy_file_cut_at_70_percent_throws_with_the_byte_offset_and_line()
    {
        string whole = Karpathy(2000);
        byte[] bytes = Encoding.UTF8.GetBytes(whole);
        string path = Path.Combine(Dir, "dataset_coco.json");
        File.WriteAllBytes(path, bytes[..(bytes.Length * 7 / 10)]);
        var report = new DataLoadReport();
        DataFileException? e = Assert.Throws<DataFileException>(() => KarpathyCocoLoader.Read(path, null, report).ToList());
        Assert.Multiple(() =>
        {
            Assert.That(e!.ByteOffset, Is.EqualTo(bytes.Length * 7 / 10), "the end of the file");
            Assert.That(e.Line, Is.GreaterThan(1000));
            Assert.That(e.Message, Does.Contain("the file ends inside the \"images\" array").And.Contain("Nothing was read"));
        });
    }

    [Test]
    public void A_coco_file_without_annotations_or_with_an_object_there_throws()
    {
        string images = Path.Combine(Dir, "images");
        Directory.CreateDirectory(images);
        string none = Write("none.json", """{"images": [{"id": 1, "file_name": "a.jpg"}]}""");
        string obj = Write("obj.json", """{"images": [{"id": 1, "file_name": "a.jpg"}], "annotations": {"id": 1}}""");
        Assert.Multiple(() =>
        {
            Assert.That(() => CocoCaptionsLoader.Read(none, images, new DataLoadReport()).ToList(),
                Throws.TypeOf<DataFileException>().With.Message.Contains("no \"annotations\" array"));
            Assert.That(() => CocoCaptionsLoader.Read(obj, images, new DataLoadReport()).ToList(),
                Throws.TypeOf<DataFileException>().With.Message.Contains("\"annotations\" is not an array").And.Message.Contains("at byte 61"));
        });
    }

    [Test]
    public void Karpathy_images_without_a_known_split_are_reported_and_counted()
    {
        string path = Write("dataset_coco.json", """
            {"images": [
              {"filename": "a.jpg", "split": "train", "sentences": [{"raw": "a"}]},
              {"filename": "b.jpg", "split": null, "sentences": [{"raw": "b"}]},
              {"filename": "c.jpg", "split": "tarin", "sentences": [{"raw": "c"}]},
              {"filename": "d.jpg", "split": 3, "sentences": [{"raw": "d"}]},
              {"filename": "e.jpg", "sentences": [{"raw": "e"}]}]}
            """);
        var report = new DataLoadReport();
        List<ImageCaptionPair> pairs = [.. KarpathyCocoLoader.Read(path, null, report)];
        Assert.Multiple(() =>
        {
            Assert.That(pairs.Select(p => p.Caption), Is.EqualTo(new[] { "a" }));
            Assert.That(report.ErrorCount, Is.EqualTo(4));
            Assert.That(report.Errors.Select(e => e.Message), Is.EqualTo(new[]
            {
                "image 1 (b.jpg): \"split\" is null, not a text; expected one of train, restval, val, test",
                "image 2 (c.jpg): unknown split \"tarin\"; expected one of train, restval, val, test",
                "image 3 (d.jpg): \"split\" is 3, not a text; expected one of train, restval, val, test",
                "image 4 (e.jpg): no \"split\"; expected one of train, restval, val, test",
            }));
        });
    }

    [Test]
    public void Escaped_lone_surrogates_are_reported_records_not_exceptions()
    {
        string images = Path.Combine(Dir, "images");
        Directory.CreateDirectory(images);
        Write("images/captions.jsonl", "{\"file_name\": \"a.jpg\", \"caption\": \"\\ud800\"}\n{\"file_name\": \"\\udc00.jpg\", \"caption\": \"b\"}\n");
        var report = new DataLoadReport();
        Assert.That(ImageFolderLoader.Read(images, "captions.jsonl", report, requireImageFiles: false).ToList(), Is.Empty);
        Assert.That(report.Errors.Select(e => e.Line), Is.EqualTo(new long?[] { 1, 2 }));

        string karpathy = Write("k.json", "{\"images\": [{\"filename\": \"a.jpg\", \"split\": \"\\ud800\", \"sentences\": []}, {\"filename\": \"b.jpg\", \"split\": \"test\", \"sentences\": [{\"raw\": \"\\ud800\"}]}]}");
        report = new DataLoadReport();
        Assert.That(KarpathyCocoLoader.Read(karpathy, null, report).ToList(), Is.Empty);
        Assert.That(report.ErrorCount, Is.EqualTo(2));
    }

    [Test]
    public void Fifos_named_like_data_files_and_images_are_refused_without_blocking()
    {
        string fifo = Path.Combine(Dir, "dataset_coco.json");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
        }

        var tasks = new[]
        {
            Task.Run(() => Assert.Throws<NotARegularFileException>(() => KarpathyCocoLoader.Read(fifo, null, new DataLoadReport()).ToList())),
            Task.Run(() => Assert.Throws<NotARegularFileException>(() => CaptionTableLoader.Read(fifo, new DelimitedTableOptions(), new DataLoadReport()).ToList())),
            Task.Run(() => Assert.That(new SafeImageLoader().Load(ImageReference.FromFile(fifo)).Error, Does.Contain("named pipe"))),
            Task.Run(async () =>
            {
                var report = new DataLoadReport();
                await foreach (InpaintCocoRecord record in InpaintCocoLoader.ReadAsync(fifo, report))
                {
                    Assert.Fail($"read {record} from a FIFO");
                }

                Assert.That(report.Errors.Single().Message, Does.Contain("named pipe"));
            }),
        };
        bool done = Task.WaitAll(tasks, TimeSpan.FromSeconds(10));
        if (!done)
        {
            // Unblock whatever is stuck in open(2) so the run can end, then fail.
            for (int i = 0; i < tasks.Length; i++)
            {
                using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            }
        }

        Assert.That(done, Is.True, "a reader blocked on the FIFO");
    }
}
