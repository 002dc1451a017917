using System.Text;
using CsCheck;
using HardNegRules.Data.Captions;
using HardNegRules.Data.Tests.Loaders;
using HardNegRules.Negatives;

namespace HardNegRules.Data.Tests.Captions;

/// <summary>
/// Reading annotations of the common shape straight from the bytes changes nothing: over COCO files that mix that shape
/// with every kind of element it leaves to the JSON reader (escapes, non-ASCII text, odd numbers, nested values,
/// comments, missing or duplicated fields, unreadable records), and over the same files cut short, the records, the
/// reported records and the error are those of the JSON reader alone.
/// </summary>
public class CocoElementScannerTests : LoaderTestFiles
{
    private static readonly string[] Captions =
        ["a red car", "  A dog on a bench  ", "", "x", "a \\\"quoted\\\" cat", "caf\u00e9 table", "a line\\nbreak", "tab\\there", "\\u00e9t\u00e9",
         "slash / and # and : and , and {}", "ends with backslash \\\\"];

    private static readonly Gen<string> Space = Gen.OneOf(Gen.Const(""), Gen.Const(" "), Gen.Const("\n"), Gen.Const(" \r\n\t "));

    private static readonly Gen<string> Number = Gen.OneOf(Gen.Int[0, 1_000_000].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.OneOf(Gen.Const("-0"), Gen.Const("1.5"), Gen.Const("2e3"), Gen.Const("1E+2"), Gen.Const("-7.25e-1"), Gen.Const("0")));

    private static readonly Gen<string> Value = Gen.OneOf(Number, Gen.OneOf(Captions).Select(c => $"\"{c}\""),
        Gen.OneOf(Gen.Const("true"), Gen.Const("null"), Gen.Const("[1, {\"a\": \"b\"}]"), Gen.Const("{}")));

    private static readonly Gen<string> Field = Gen.Frequency(
        (6, Gen.OneOf(Captions).Select(c => $"\"caption\":\"{c}\"")),
        (4, Number.Select(n => $"\"id\": {n}")),
        (1, Gen.Int[0, 99].Select(i => $"\"id\": \"s{i}\"")),
        (3, Number.Select(n => $"\"image_id\":{n}")),
        (1, Value.Select(v => $"\"image\": {v}")),
        (1, Value.Select(v => $"\"filepath\": {v}")),
        (1, Value.Select(v => $"\"file_name\": {v}")),
        (1, Value.Select(v => $"\"caption\": {v}")),
        (1, Value.Select(v => $"\"id\": {v}")),
        (2, Value.Select(v => $"\"other\": {v}")),
        (1, Value.Select(v => $"\"c\\u0061ption\": {v}")));

    private static readonly Gen<string> Element = Gen.Frequency(
        (12, Gen.Select(Field.Array[0, 5], Space, Space, (fields, a, b) => "{" + a + string.Join("," + b, fields) + b + "}")),
        (8, Gen.Int[0, 1_000_000].Select(i => $"{{\"image_id\": {i % 7}, \"id\": {i}, \"caption\": \"A black motorcycle parked in front of a garage {i}.\"}}")),
        (1, Gen.OneOf(Gen.Const("7"), Gen.Const("\"text\""), Gen.Const("[]"), Gen.Const("/* comment */ {\"caption\": \"c\"}"), Gen.Const("{\"caption\": \"c\" // note\n}"))));

    private static readonly Gen<string> Files = Gen.Select(Element.Array[1, 60], Space, Gen.Bool, (elements, space, imagesFirst) =>
    {
        string images = "\"images\": [{\"id\": 0, \"file_name\": \"zero.jpg\"}, {\"id\": 3, \"file_name\": \"three.jpg\"}, {\"id\": \"6\", \"file_name\": \"six.jpg\"}]";
        string annotations = "\"annotations\": [" + space + string.Join("," + space, elements) + space + "]";
        return imagesFirst ? "{" + images + ", " + annotations + ", \"type\": \"captions\"}" : "{" + annotations + "," + space + images + "}";
    });

    [Test]
    public void Files_of_any_mix_of_elements_read_as_with_the_reader_alone()
    {
        Files.SampleFixed(text =>
        {
            string path = Write($"{Guid.NewGuid():N}.json", text);
            Assert.That(Read(path, readDirectly: true), Is.EqualTo(Read(path, readDirectly: false)), text);
        }, iter: 300, seed: "0000000001Ai");
    }

    [Test]
    public void Files_cut_anywhere_fail_as_with_the_reader_alone()
    {
        Gen.Select(Files, Gen.Double[0, 1]).SampleFixed((text, cut) =>
        {
            string path = Write($"{Guid.NewGuid():N}.json", text[..(int)(text.Length * cut)]);
            Assert.That(Read(path, readDirectly: true), Is.EqualTo(Read(path, readDirectly: false)), text);
        }, iter: 300, seed: "0000000001Ai");
    }

    [Test]
    public void A_file_over_many_read_buffers_with_an_error_at_its_end_fails_as_with_the_reader_alone()
    {
        // 40,000 elements of the common shape on their own lines (about 3 MB), then a syntax error.
        var text = new StringBuilder("{\"images\": [{\"id\": 1, \"file_name\": \"a.jpg\"}],\n\"annotations\": [\n");
        for (int i = 0; i < 40_000; i++)
        {
            text.Append(i == 0 ? string.Empty : ",\n").Append("{\"image_id\": 1, \"id\": ").Append(i).Append(", \"caption\": \"a red car parked by a small blue house, number ").Append(i).Append("\"}");
        }

        string good = Write("good.json", text + "\n]}\n");
        string bad = Write("bad.json", text + ",\n  {\"id\": 5, \"caption\": \"x\"} oops]}\n");
        Assert.That(Read(good, readDirectly: true), Is.EqualTo(Read(good, readDirectly: false)));
        using (var scanner = new CocoJsonScanner(good, new CocoImageFiles(), annotationsWanted: false, _ => { }))
        {
            var batch = new CaptionBatch();
            Assert.That(scanner.Next(batch), Is.True);
            Assert.That(scanner.ReadSomeDirectly, Is.True, "the common shape is read straight from the bytes");
        }

        (List<string> records, List<string> errors, string? failure) = Read(bad, readDirectly: true);
        Assert.That(failure, Does.Contain("bad.json(40003): byte offset").And.Contain("not a valid COCO captions file"));
        Assert.That((records, errors, failure), Is.EqualTo(Read(bad, readDirectly: false)));
    }

    // Every record (id, caption, image id and file), every record reported unreadable, and the error that ended the read.
    private static (List<string> Records, List<string> Errors, string? Failure) Read(string path, bool readDirectly)
    {
        var records = new List<string>();
        var errors = new List<string>();
        var files = new CocoImageFiles();
        string? failure = null;
        try
        {
            foreach (bool annotationsWanted in new[] { false, true })
            {
                using var scanner = new CocoJsonScanner(path, files, annotationsWanted, e => errors.Add(e.ToString()), readDirectly);
                var batch = new CaptionBatch(records: 7) { ImageFiles = files };
                while (!scanner.Done)
                {
                    scanner.Next(batch);
                    for (int i = 0; i < batch.Count; i++)
                    {
                        records.Add(string.Join(" | ", Encoding.UTF8.GetString(batch.Id(i)), batch.IdIsNumber(i), Encoding.UTF8.GetString(batch.Caption(i)),
                            batch.HasImageId(i) ? Encoding.UTF8.GetString(batch.ImageId(i)) : "-", batch.HasImageFile(i) ? Encoding.UTF8.GetString(batch.ImageFile(i)) : "-"));
                    }

                    batch.Clear();
                }

                if (!scanner.AnnotationsSkipped)
                {
                    break;
                }
            }
        }
        catch (CaptionInputException e)
        {
            failure = e.Message;
        }

        return (records, errors, failure);
    }
}
