using HardNegRules.Data.Captions;
using HardNegRules.Data.IO;
using HardNegRules.Data.Tests.Loaders;

namespace HardNegRules.Data.Tests.Captions;

public class CaptionFileReaderTests : LoaderTestFiles
{
    [Test]
    public void Formats_are_told_by_name_and_content()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CaptionFileReader.Detect(Write("a.json", "{}")), Is.EqualTo(CaptionFormat.Coco));
            Assert.That(CaptionFileReader.Detect(Write("a.jsonl", "{}")), Is.EqualTo(CaptionFormat.Jsonl));
            Assert.That(CaptionFileReader.Detect(Write("a.txt", "  \n{\"caption\": \"x\"}")), Is.EqualTo(CaptionFormat.Jsonl));
            Assert.That(CaptionFileReader.Detect(Write("b.txt", "a red car")), Is.EqualTo(CaptionFormat.Text));
        });
    }

    [Test]
    public void Text_lines_get_their_line_number_as_id()
    {
        var errors = new List<CaptionReadError>();
        var records = CaptionFileReader.Read(Write("c.txt", "a red car\n\n  a blue bus  \n"), errors.Add).ToList();
        Assert.That(records, Is.EqualTo(new[] { new CaptionRecord("1", "a red car", null, true), new CaptionRecord("3", "a blue bus", null, true) }));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Jsonl_keeps_ids_and_reports_bad_lines_with_their_number()
    {
        var errors = new List<CaptionReadError>();
        string path = Write("c.jsonl", "{\"id\": 5, \"caption\": \"a cat\", \"image_id\": 9}\n{oops\n{\"id\": \"k\", \"caption\": \"a dog\"}\n[1]\n{\"caption\": 3}\n{\"id\": true, \"caption\": \"x\"}\n");
        var records = CaptionFileReader.Read(path, errors.Add).ToList();

        Assert.That(records, Is.EqualTo(new[] { new CaptionRecord("5", "a cat", "9", true), new CaptionRecord("k", "a dog", null, false) }));
        Assert.That(errors.Select(e => e.Line), Is.EqualTo(new long[] { 2, 4, 5, 6 }));
        Assert.That(errors[0].ToString(), Does.StartWith($"{path}(2): not valid JSON"));
    }

    [Test]
    public void Coco_annotations_are_read_and_bad_ones_named_by_index()
    {
        var errors = new List<CaptionReadError>();
        string path = Write("captions.json", """{"images": [], "annotations": [{"image_id": 1, "id": 10, "caption": "A man riding a wave. "}, {"image_id": 1, "id": 11}, 7]}""");
        var records = CaptionFileReader.Read(path, errors.Add).ToList();

        Assert.That(records, Is.EqualTo(new[] { new CaptionRecord("10", "A man riding a wave.", "1", true) }));
        Assert.That(errors.Select(e => e.Message), Is.EqualTo(new[] { "annotation 1: missing a string \"caption\" field", "annotation 2: expected an object" }));
    }

    [Test]
    public void A_broken_coco_file_is_one_located_error_not_a_crash()
    {
        string broken = Write("broken.json", "{\"annotations\": [ {\"id\": 1,");
        Assert.That(() => CaptionFileReader.Read(broken, _ => { }).ToList(), Throws.InstanceOf<IOException>().With.Message.StartsWith(broken + "(1): byte offset"));
        string other = Write("other.json", "{\"images\": []}");
        Assert.That(() => CaptionFileReader.Read(other, _ => { }).ToList(), Throws.InstanceOf<IOException>().With.Message.Contains("\"annotations\" array"));
    }
}

public class AtomicFileTests
{
    [Test]
    public void A_failed_write_leaves_the_previous_file_and_no_temporary()
    {
        string dir = Path.Combine(Path.GetTempPath(), "hardneg-data-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, "out.txt");
        File.WriteAllText(path, "old");

        Assert.That(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("new, half written"u8);
            throw new IOException("disk full");
        }), Throws.InstanceOf<IOException>());

        Assert.That(File.ReadAllText(path), Is.EqualTo("old"));
        Assert.That(Directory.GetFiles(dir), Is.EqualTo(new[] { path }));

        AtomicFile.Write(path, stream => stream.Write("new"u8));
        Assert.That(File.ReadAllText(path), Is.EqualTo("new"));
        Directory.Delete(dir, recursive: true);
    }
}
