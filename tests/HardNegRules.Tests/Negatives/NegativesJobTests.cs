using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HardNegRules.Negatives;
using HardNegRules.Output;
using HardNegRules.Permutation;

namespace HardNegRules.Tests.Negatives;

public class NegativesJobTests
{
    private static readonly IPermuter Permuter = Permuters.Default;

    private static readonly string SamplePath = Path.Combine(Path.GetDirectoryName(TestRules.RepositoryRules)!, "tests", "data", "coco", "captions_val2017_sample.jsonl");

    // The sample's captions, and captions that exercise escaping, casing and non-ASCII text.
    private static List<(string Id, bool IdIsNumber, string Caption, string? File)> Records()
    {
        var records = File.ReadLines(SamplePath).Select(line =>
        {
            JsonElement root = JsonDocument.Parse(line).RootElement;
            return (root.GetProperty("id").GetRawText(), true, root.GetProperty("caption").GetString()!,
                (string?)$"{root.GetProperty("image_id").GetInt64():D12}.jpg");
        }).ToList();
        records.Add(("q1", false, "A \"Red\" bus beside a BLUE car\\ with\ta tab", "x.jpg"));
        records.Add(("q2", false, "Une voiture rouge: a red café car \u2028 on the LEFT of a small dog \U0001F600", "y \"z\".jpg"));
        records.Add(("7", true, "An orange cat and a white dog, control \u0001 char", "z.jpg"));
        records.Add(("id \"with\" quotes", false, "a small red kite to the right of a large green kite", "w.jpg"));
        records.Add(("8", true, "<b>A red</b> & 'blue' + `green` car\u007F on the left/right \u00A0 of a SMALL dog", "v.jpg"));
        records.Add(("9", true, "Ein ROTES Auto: a RED car \u00e9\u00e9 with a small DOG on the left", "u.jpg"));
        return records;
    }

    private static RecordsSource Source(IEnumerable<(string Id, bool IdIsNumber, string Caption, string? File)> records) => new(records);

    [Test]
    public void Jsonl_bytes_are_the_reference_writers_bytes_for_every_record()
    {
        var records = Records();
        var options = new NegativesJobOptions { K = 3, Seed = 11, Threads = 1 };
        using var expected = new MemoryStream();
        using (var reference = new NegativeJsonWriter(expected))
        {
            foreach ((string id, bool number, string caption, _) in records)
            {
                reference.Write(id, number, caption, Permuter.Permute(caption, 3, NegativeSeed.For(11, id, 0)));
            }
        }

        using var actual = new MemoryStream();
        NegativesSummary summary = new NegativesJob(Permuter, options).Run(Source(records), actual);

        Assert.That(summary.Captions, Is.EqualTo(records.Count));
        Assert.That(summary.Rows, Is.EqualTo(records.Count));
        Assert.That(summary.Negatives, Is.GreaterThan(records.Count));
        string[] expectedLines = Encoding.UTF8.GetString(expected.ToArray()).Split('\n');
        string[] actualLines = Encoding.UTF8.GetString(actual.ToArray()).Split('\n');
        Assert.That(actualLines, Has.Length.EqualTo(expectedLines.Length));
        for (int i = 0; i < expectedLines.Length; i++)
        {
            Assert.That(actualLines[i], Is.EqualTo(expectedLines[i]), $"line {i + 1}");
        }
    }

    [Test]
    public void A_swaps_edits_name_the_other_term_as_written()
    {
        // Variant spellings ("grey" of "gray", "off white" of "off-white") and casing move with the word, in the text and
        // in each edit's "to": the JSONL must say what the text says.
        var records = new List<(string Id, bool IdIsNumber, string Caption, string? File)>
        {
            ("1", true, "a grey dog and a black cat", null),
            ("2", true, "A black motorcycle in front of a grey sports car.", null),
            ("3", true, "an off white sofa next to a BLACK table", null),
            ("4", true, "a Grey dog and a TAN cat", null),
        };
        using var output = new MemoryStream();
        _ = new NegativesJob(Permuter, new NegativesJobOptions { K = 40, Seed = 3, Threads = 1 }).Run(Source(records), output);
        int swaps = 0;
        foreach (string line in Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            JsonElement record = JsonDocument.Parse(line).RootElement;
            string caption = record.GetProperty("caption").GetString()!;
            foreach (JsonElement negative in record.GetProperty("negatives").EnumerateArray().Where(n => n.GetProperty("kind").GetString() == "swap"))
            {
                swaps++;
                JsonElement second = negative.GetProperty("swap");
                string first = caption.Substring(negative.GetProperty("start").GetInt32(), negative.GetProperty("length").GetInt32());
                string other = caption.Substring(second.GetProperty("start").GetInt32(), second.GetProperty("length").GetInt32());
                Assert.That((negative.GetProperty("from").GetString(), negative.GetProperty("to").GetString()), Is.EqualTo((first, other)), line);
                Assert.That((second.GetProperty("from").GetString(), second.GetProperty("to").GetString()), Is.EqualTo((other, first)), line);
            }
        }

        Assert.That(swaps, Is.EqualTo(records.Count));
    }

    [TestCase(NegativesFormat.Jsonl)]
    [TestCase(NegativesFormat.Negclip)]
    public void Any_number_of_threads_and_any_chunk_size_give_the_same_bytes(NegativesFormat format)
    {
        var records = Records();
        byte[]? first = null;
        foreach ((int threads, int chunk) in new[] { (1, 2048), (2, 7), (3, 64), (2, 1) })
        {
            using var output = new MemoryStream();
            _ = new NegativesJob(Permuter, new NegativesJobOptions { K = 2, Seed = 5, Threads = threads, ChunkRecords = chunk, Format = format })
                .Run(Source(records), output);
            first ??= output.ToArray();
            Assert.That(output.ToArray(), Is.EqualTo(first), $"{threads} threads, chunks of {chunk}");
        }
    }

    [Test]
    public void Negclip_rows_are_the_reference_rows_with_a_neg_image_list_of_other_images()
    {
        var records = Records();
        using var output = new MemoryStream();
        NegativesSummary summary = new NegativesJob(Permuter, new NegativesJobOptions { K = 2, Seed = 3, Threads = 2, Format = NegativesFormat.Negclip, ImageRoot = "val2017/" })
            .Run(Source(records), output);

        var expectedRows = new List<(string Row, string File)>();
        foreach ((string id, _, string caption, string? file) in records)
        {
            if (NegClipTsvWriter.Row(caption, "val2017/" + file, Permuter.Permute(caption, 2, NegativeSeed.For(3, id, 0))) is { } row)
            {
                expectedRows.Add((row, file!));
            }
        }

        // Rows may hold line breaks inside quoted fields; each ends with its neg_image list and a line break.
        string text = Encoding.UTF8.GetString(output.ToArray());
        const string Header = "\ttitle\tfilepath\tneg_caption\tneg_image\n";
        Assert.That(text, Does.StartWith(Header));
        MatchCollection rows = Regex.Matches(text[Header.Length..], @"\G(?<row>.*?)\t\[(?<near>[0-9, ]*)\]\n", RegexOptions.Singleline);
        Assert.That(rows.Sum(m => m.Length), Is.EqualTo(text.Length - Header.Length), "every byte belongs to a row");
        Assert.That(rows, Has.Count.EqualTo(expectedRows.Count));
        Assert.That(summary.Rows, Is.EqualTo(expectedRows.Count));
        for (int i = 0; i < expectedRows.Count; i++)
        {
            Assert.That(rows[i].Groups["row"].Value, Is.EqualTo($"{i}\t{expectedRows[i].Row}"), $"row {i}");
            int[] near = [.. rows[i].Groups["near"].Value.Split(", ").Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
            Assert.That(near, Has.Length.EqualTo(3));
            Assert.That(near, Is.Unique);
            Assert.That(near, Has.All.InRange(0, expectedRows.Count - 1));
            Assert.That(near.Select(n => expectedRows[n].File), Has.None.EqualTo(expectedRows[i].File), "rows of the same image are never its neg_image");
        }
    }

    [Test]
    public void A_record_without_an_image_file_stops_a_negclip_run()
    {
        var records = new[] { ("1", true, "a red car", (string?)"1.jpg"), ("2", true, "a blue car", (string?)null) };
        Assert.That(() => new NegativesJob(Permuter, new NegativesJobOptions { Format = NegativesFormat.Negclip, Threads = 2 }).Run(Source(records), Stream.Null),
            Throws.InstanceOf<CaptionInputException>().With.Message.Contains("record 2 has no image file"));
    }

    [Test]
    public void A_source_that_fails_midway_stops_the_run_with_its_error()
    {
        var source = new RecordsSource(Records(), failAfter: 2);
        Assert.That(() => new NegativesJob(Permuter, new NegativesJobOptions { Threads = 2, ChunkRecords = 16 }).Run(source, Stream.Null),
            Throws.InstanceOf<CaptionInputException>().With.Message.EqualTo("broken at batch 2"));
    }

    /// <summary>Records from memory, in batches, as a reader would give them.</summary>
    private sealed class RecordsSource(IEnumerable<(string Id, bool IdIsNumber, string Caption, string? File)> records, int failAfter = int.MaxValue) : ICaptionSource
    {
        private readonly IEnumerator<(string Id, bool IdIsNumber, string Caption, string? File)> _records = records.GetEnumerator();
        private int _batches;

        public long Unreadable => 0;

        public bool Fill(CaptionBatch batch)
        {
            if (_batches++ == failAfter)
            {
                throw new CaptionInputException($"broken at batch {failAfter}");
            }

            while (!batch.IsFull && _records.MoveNext())
            {
                (string id, bool number, string caption, string? file) = _records.Current;
                batch.Add(Encoding.UTF8.GetBytes(id), number, Encoding.UTF8.GetBytes(caption), file is null ? default : Encoding.UTF8.GetBytes(file));
            }

            return batch.Count > 0;
        }

        public void Dispose() => _records.Dispose();
    }
}

public class ConceptNeighboursTests
{
    [Test]
    public void Rows_sharing_rare_terms_are_nearest_and_rows_of_the_same_image_never_count()
    {
        var neighbours = new ConceptNeighbours();
        neighbours.Add([1, 2], 100);      // 0: common term 1, rare term 2
        neighbours.Add([1, 2], 100);      // 1: same image as 0: excluded
        neighbours.Add([1], 200);         // 2: shares only the common term
        neighbours.Add([2, 3], 300);      // 3: shares the rare term
        neighbours.Add([1], 400);         // 4
        neighbours.Add([5], 500);         // 5: shares nothing with anyone

        int[][] nearest = neighbours.Nearest(2, threads: 2);

        Assert.That(nearest[0], Is.EqualTo(new[] { 3, 2 }));
        Assert.That(nearest[3][0], Is.EqualTo(1).Or.EqualTo(0), "the rows holding the rare term come first");
        Assert.That(nearest[5], Has.Length.EqualTo(2).And.None.EqualTo(5), "filled from other images");
        Assert.That(neighbours.Nearest(2, threads: 1), Is.EqualTo(nearest), "the same for any number of threads");
    }
}
