using HardNegRules.Data.Loaders;

namespace HardNegRules.Data.Tests.Loaders;

public class CaptionTableLoaderTests : LoaderTestFiles
{
    [Test]
    public void Tsv_rows_become_pairs_and_quoted_fields_may_hold_tabs_quotes_and_newlines()
    {
        string path = Write("train.tsv", "filepath\ttitle\textra\n" +
            "a/1.jpg\tA red bus.\tx\n" +
            "a/2.jpg\t\"A \"\"quoted\"\"\tcaption\nover two lines\"\ty\n" +
            "a/3.jpg\t\tz\n" +
            "\tA caption without image.\tz\n" +
            "a/5.jpg\tA blue car.\n");
        var report = new DataLoadReport();
        var pairs = CaptionTableLoader.Read(path, new DelimitedTableOptions { ImageRoot = "/data" }, report).ToList();

        Assert.That(pairs.Select(p => p.Caption), Is.EqualTo(new[] { "A red bus.", "A \"quoted\"\tcaption\nover two lines" }));
        Assert.That(pairs[0].Image.Path, Is.EqualTo(Path.Combine("/data", "a/1.jpg")));
        Assert.That(report.Errors.Select(e => (e.Line, e.Message)), Is.EqualTo(new (long?, string)[]
        {
            (5, "empty 'title'"),
            (6, "empty 'filepath'"),
            (7, "expected 3 fields, found 2"),
        }));
    }

    [Test]
    public void Csv_with_other_column_names_is_read_with_options()
    {
        string path = Write("train.csv", "image,caption\nx.jpg,\"a cat, sleeping\"\n");
        var report = new DataLoadReport();
        var options = new DelimitedTableOptions { Separator = ',', ImageColumn = "image", CaptionColumn = "caption" };
        Assert.That(CaptionTableLoader.Read(path, options, report).Single().Caption, Is.EqualTo("a cat, sleeping"));
    }

    [Test]
    public void A_missing_column_a_wrong_separator_or_an_empty_file_is_an_error_for_the_file()
    {
        var report = new DataLoadReport();
        string a = Write("a.csv", "filepath,title\nx.jpg,a cat\n");
        Assert.That(() => CaptionTableLoader.Read(a, new DelimitedTableOptions(), report).ToList(),
            Throws.TypeOf<DataFileException>().With.Message.Contains("a.csv at byte 0 (line 1): no column 'filepath', 'title' in the header ('filepath,title'); is the separator right?"));
        Assert.That(() => CaptionTableLoader.Read(Write("b.tsv", string.Empty), new DelimitedTableOptions(), report).ToList(),
            Throws.TypeOf<DataFileException>().With.Message.Contains("empty file"));
        Assert.That(() => CaptionTableLoader.Read(Path.Combine(Dir, "none.tsv"), new DelimitedTableOptions(), report).ToList(),
            Throws.TypeOf<FileNotFoundException>());
    }

    [Test]
    public void Broken_quoting_is_reported_with_its_line_and_skipped()
    {
        string path = Write("bad.tsv", "filepath\ttitle\na.jpg\tfine\nb.jpg\t\"unterminated\tquote\n");
        var report = new DataLoadReport();
        var pairs = CaptionTableLoader.Read(path, new DelimitedTableOptions(), report).ToList();
        Assert.That(pairs.Select(p => p.Caption), Is.EqualTo(new[] { "fine" }));
        Assert.That(report.Errors.Single().Line, Is.EqualTo(3));
        Assert.That(report.Errors.Single().Message, Does.Contain("malformed record"));
    }
}

public class NegClipTsvLoaderTests : LoaderTestFiles
{
    [Test]
    public void Rows_carry_their_negatives_parsed_from_the_python_list()
    {
        string path = Write("neg.tsv", "\ttitle\tfilepath\tneg_caption\tneg_image\n" +
            "0\tA red bus.\tcoco/1.jpg\t['A blue bus.', 'A red car.']\t[1, 2]\n" +
            "1\tIt's a dog.\tcoco/2.jpg\t\"[\"\"It's a cat.\"\"]\"\t[3]\n" +
            "2\tNo negatives.\tcoco/3.jpg\t[]\t[]\n" +
            "3\tBroken list.\tcoco/4.jpg\t['a', \t[]\n");
        var report = new DataLoadReport();
        var records = NegClipTsvLoader.Read(path, report).ToList();

        Assert.That(records.Select(r => (r.Pair.Caption, r.Pair.Image.Path)), Is.EqualTo(new[]
        {
            ("A red bus.", "coco/1.jpg"), ("It's a dog.", "coco/2.jpg"), ("No negatives.", "coco/3.jpg"),
        }));
        Assert.That(records[0].NegativeCaptions, Is.EqualTo(new[] { "A blue bus.", "A red car." }));
        Assert.That(records[1].NegativeCaptions, Is.EqualTo(new[] { "It's a cat." }));
        Assert.That(records[2].NegativeCaptions, Is.Empty);
        Assert.That(report.Errors.Single().ToString(), Does.Contain("neg.tsv(5): 'neg_caption': not a Python list of strings"));
    }

    [Test]
    public void The_real_negclip_validation_file_reads_without_errors()
    {
        string path = Path.Combine(TestData, "negclip", "valid_neg_clip_head.tsv");
        var report = new DataLoadReport();
        var records = NegClipTsvLoader.Read(path, report).ToList();

        Assert.That(report.Errors, Is.Empty);
        Assert.That(records, Has.Count.EqualTo(5));
        Assert.That(records[0].Pair.Caption, Is.EqualTo("A child holding a flowered umbrella and petting a yak."));
        Assert.That(records[0].Pair.Image.Path, Is.EqualTo("coco/val2014/COCO_val2014_000000184613.jpg"));
        Assert.That(records[0].NegativeCaptions, Is.EqualTo(new[]
        {
            "A umbrella holding a flowered child and petting a yak .", "A child petting a flowered umbrella and holding a yak .",
        }));
        Assert.That(records, Has.All.Matches<NegClipRecord>(r => r.NegativeCaptions.Count > 0));
    }
}

public class PythonListLiteralTests
{
    [TestCase("[]", new string[0])]
    [TestCase(" ['a', \"b's\" , 'c\\'d'] ", new[] { "a", "b's", "c'd" })]
    [TestCase("['tab\\there', 'back\\\\slash', 'caf\\xe9', '\\u00e9t\\u00e9', 'x',]", new[] { "tab\there", "back\\slash", "café", "été", "x" })]
    [TestCase("['é direct']", new[] { "é direct" })]
    public void Literals_parse_as_python_reads_them(string literal, string[] expected)
    {
        Assert.That(PythonListLiteral.TryParse(literal, out IReadOnlyList<string> items, out string? error), Is.True, error);
        Assert.That(items, Is.EqualTo(expected));
    }

    [TestCase("a, b", "expected '['")]
    [TestCase("['a'", "expected ','")]
    [TestCase("['a' 'b']", "expected ','")]
    [TestCase("['a]", "unterminated string")]
    [TestCase("[1, 2]", "expected a quoted string")]
    [TestCase("['a'] x", "text after the closing ']'")]
    [TestCase("['\\xZZ']", "bad \\x escape")]
    public void Malformed_literals_say_what_and_where(string literal, string problem)
    {
        Assert.That(PythonListLiteral.TryParse(literal, out _, out string? error), Is.False);
        Assert.That(error, Does.Contain(problem));
    }
}
