using System.Globalization;
using System.Text;
using System.Text.Json;
using HardNegRules.Data.Captions;
using HardNegRules.Data.Tests.Loaders;

namespace HardNegRules.Data.Tests.Captions;

public class CocoCaptionStreamingTests : LoaderTestFiles
{
    private static readonly string SampleJsonl = Path.Combine(RepositoryRoot, "tests", "data", "coco", "captions_val2017_sample.jsonl");

    // The 3,000 sample captions as a COCO file (about 300 KB: more than one read buffer), images first or last,
    // one line per element (pretty) or all on one line.
    private string SampleAsCoco(string name, bool imagesFirst, bool pretty)
    {
        string newline = pretty ? "\n" : string.Empty;
        var annotations = File.ReadLines(SampleJsonl).ToList();
        var imageIds = annotations.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("image_id").GetInt64()).Distinct();
        string images = string.Join("," + newline, imageIds.Select(id => $$"""{"id": {{id}}, "file_name": "{{id:D12}}.jpg", "width": 640}"""));
        string imagesProperty = $"\"images\": [{newline}{images}{newline}]";
        string annotationsProperty = $"\"annotations\": [{newline}{string.Join("," + newline, annotations)}{newline}]";
        string info = """ "info": {"description": "test", "nested": [1, {"a": [2]}]}, "licenses": [] """;
        return Write(name, imagesFirst
            ? $"{{{info}, {imagesProperty},{newline} \"type\": \"captions\", {annotationsProperty}}}"
            : $"{{{info}, {annotationsProperty},{newline} {imagesProperty}, \"type\": \"captions\"}}");
    }

    // What the sample's records are, read line by line through the JSONL path (a whole JsonDocument per record).
    private static List<CaptionRecord> SampleRecordsWithFiles() =>
        CaptionFileReader.Read(SampleJsonl, error => Assert.Fail(error.ToString()))
            .Select(r => r with { ImageFile = long.Parse(r.ImageId!, CultureInfo.InvariantCulture).ToString("D12", CultureInfo.InvariantCulture) + ".jpg" })
            .ToList();

    [TestCase(true, true)]
    [TestCase(true, false)]
    [TestCase(false, true)]
    [TestCase(false, false)]
    public void A_streamed_coco_file_gives_the_same_records_as_a_record_by_record_parse_in_either_order(bool imagesFirst, bool pretty)
    {
        string path = SampleAsCoco("captions.json", imagesFirst, pretty);
        var errors = new List<CaptionReadError>();

        List<CaptionRecord> records = [.. CaptionFileReader.Read(path, errors.Add)];

        Assert.That(errors, Is.Empty);
        Assert.That(new FileInfo(path).Length, Is.GreaterThan(256 * 1024), "the file spans several read buffers");
        Assert.That(records, Is.EqualTo(SampleRecordsWithFiles()));
    }

    [Test]
    public void Bad_annotations_are_reported_with_index_and_line_and_reading_goes_on()
    {
        // Pretty-printed, with the bad records after the first read buffer, so their lines are counted across buffers.
        var lines = new List<string> { "{", "\"images\": [{\"id\": 1, \"file_name\": \"a.jpg\"}],", "\"annotations\": [" };
        for (int i = 0; i < 5000; i++)
        {
            lines.Add($"{{\"id\": {i}, \"image_id\": 1, \"caption\": \"a red car number {i} parked by a small blue house\"}},");
        }

        lines.Add("{\"id\": 5000, \"image_id\": 1},");
        lines.Add("[1, 2],");
        lines.Add("{\"id\": true, \"caption\": \"x\"},");
        lines.Add("{\"id\": 5003,\n \"caption\": 7},");
        lines.Add("{\"id\": \"last\", \"image\": 1, \"caption\": \" a cat \", \"extra\": {\"deep\": [[{}]]}}");
        lines.Add("]}");
        string path = Write("bad.json", string.Join("\n", lines));
        var errors = new List<CaptionReadError>();

        List<CaptionRecord> records = [.. CaptionFileReader.Read(path, errors.Add)];

        Assert.That(records, Has.Count.EqualTo(5001));
        Assert.That(records[^1], Is.EqualTo(new CaptionRecord("last", "a cat", "1", false, "a.jpg")));
        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            $"{path}(5004): annotation 5000: missing a string \"caption\" field",
            $"{path}(5005): annotation 5001: expected an object",
            $"{path}(5006): annotation 5002: \"id\" must be a number or a string",
            $"{path}(5007): annotation 5003: missing a string \"caption\" field",
        }));
    }

    [Test]
    public void A_truncated_file_is_an_error_with_its_line_and_byte_offset_not_a_partial_read()
    {
        string text = File.ReadAllText(SampleAsCoco("whole.json", imagesFirst: true, pretty: true));
        string path = Write("truncated.json", text[..(text.Length * 3 / 4)]);
        var errors = new List<CaptionReadError>();

        var thrown = Assert.Throws<HardNegRules.Negatives.CaptionInputException>(() => _ = CaptionFileReader.Read(path, errors.Add).ToList())!;

        int line = text[..(text.Length * 3 / 4)].Count(c => c == '\n') + 1;
        Assert.That(thrown.Message, Does.StartWith($"{path}({line}): byte offset ").And.Contain("not a valid COCO captions file").And.EndWith("Nothing was written."));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void With_annotations_first_a_fault_anywhere_is_one_error_with_its_line()
    {
        string inAnnotations = Write("a.json", "{\"annotations\": [{\"id\": 1, \"caption\": \"a dog\"},\n{\"id\": 2, \"caption\": }], \"images\": []}");
        string inImages = Write("b.json", "{\"annotations\": [{\"id\": 1, \"image_id\": 5, \"caption\": \"a dog\"}],\n\"images\": [{\"id\": 5, \"file_name\": \"5.jpg\"}, {oops}]}");

        Assert.That(() => CaptionFileReader.Read(inAnnotations, _ => { }).ToList(),
            Throws.InstanceOf<HardNegRules.Negatives.CaptionInputException>().With.Message.StartsWith($"{inAnnotations}(2): byte offset"));
        Assert.That(() => CaptionFileReader.Read(inImages, _ => { }).ToList(),
            Throws.InstanceOf<HardNegRules.Negatives.CaptionInputException>().With.Message.StartsWith($"{inImages}(2): byte offset"));
    }

    [Test]
    public void A_byte_order_mark_and_an_element_larger_than_the_buffer_are_read()
    {
        string longCaption = "a red car " + new string('x', 600_000);
        string path = Path.Combine(Dir, "bom.json");
        File.WriteAllText(path, $"{{\"annotations\": [{{\"id\": 1, \"caption\": \"{longCaption}\"}}, {{\"id\": 2, \"caption\": \"a dog\"}}]}}", new UTF8Encoding(true));
        var errors = new List<CaptionReadError>();

        Assert.That(CaptionFileReader.Read(path, errors.Add).Select(r => r.Caption.Length), Is.EqualTo(new[] { longCaption.Length, 5 }), () => string.Join("; ", errors));
        Assert.That(errors, Is.Empty);
    }

    [TestCase("{\"annotations\": {}}", "(1): byte offset 16: a COCO captions file needs an \"annotations\" array")]
    [TestCase("[]", "(1): byte offset 0: a COCO captions file is a JSON object")]
    [TestCase("{\"images\": []}", ": no \"annotations\" array")]
    [TestCase("", "(1): byte offset 0: not a valid COCO captions file")]
    [TestCase("{\"annotations\": [{\"id\": 1, \"caption\": \"a dog\"}]", "(1): byte offset")]
    public void A_file_that_is_not_a_coco_captions_file_is_an_error_naming_the_place(string text, string message)
    {
        string path = Write("x.json", text);
        Assert.That(() => CaptionFileReader.Read(path, _ => { }).ToList(),
            Throws.InstanceOf<HardNegRules.Negatives.CaptionInputException>().With.Message.StartsWith(path + message));
    }

    [Test]
    public void An_element_over_the_record_limit_is_an_error_not_a_gigabyte()
    {
        string path = Path.Combine(Dir, "huge.json");
        File.WriteAllText(path, "{\"annotations\": [{\"id\": 1, \"caption\": \"" + new string('x', 3 * CaptionLimits.MaxRecordBytes) + "\"}]}");
        long before = GC.GetTotalAllocatedBytes(precise: true);

        Assert.That(() => CaptionFileReader.Read(path, _ => { }).ToList(),
            Throws.InstanceOf<HardNegRules.Negatives.CaptionInputException>().With.Message.Contains("is larger than 1,048,576 bytes"));
        Assert.That(GC.GetTotalAllocatedBytes(precise: true) - before, Is.LessThan(16L << 20));
    }

    [Test]
    public void Two_hundred_thousand_captions_stream_without_being_held()
    {
        string path = Path.Combine(Dir, "large.json");
        using (var writer = new StreamWriter(path))
        {
            writer.Write("{\"annotations\": [");
            for (int i = 0; i < 200_000; i++)
            {
                writer.Write($"{(i == 0 ? "" : ",")}{{\"id\": {i}, \"image_id\": {i % 5000}, \"caption\": \"A man in a red shirt stands to the left of a small dog, number {i}.\"}}");
            }

            writer.Write("], \"images\": [{\"id\": 7, \"file_name\": \"7.jpg\"}]}");
        }

        long fileSize = new FileInfo(path).Length;
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        long count = 0;
        long withFile = 0;
        foreach (CaptionRecord record in CaptionFileReader.Read(path, error => Assert.Fail(error.ToString())))
        {
            count++;
            withFile += record.ImageFile is null ? 0 : 1;
            if (count % 20_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        Assert.That(count, Is.EqualTo(200_000));
        Assert.That(withFile, Is.EqualTo(40), "image 7's captions, named although \"images\" comes last");
        // Holding the records would take more than the file's 17 MB; the reader holds a buffer and the image map.
        Assert.That(fileSize, Is.GreaterThan(15_000_000));
        Assert.That(peak, Is.LessThan(fileSize / 8), $"live managed memory grew by {peak:N0} bytes");
    }
}
