using HardNegRules.Data.Captions;
using HardNegRules.Data.Loaders;
using HardNegRules.Data.Negatives;
using HardNegRules.Data.Tests.Loaders;
using HardNegRules.Negatives;

namespace HardNegRules.Data.Tests.Negatives;

public class NegativesFileTests : LoaderTestFiles
{
    [Test]
    public void The_input_format_is_detected_when_not_given()
    {
        string input = Write("captions.json", """{"annotations": [{"id": 1, "caption": "a red car"}]}""");

        NegativesFile file = NegativesFile.Check(input, Path.Combine(Dir, "out.jsonl"), inputFormat: null, NegativesFormat.Jsonl);

        Assert.That(file.InputFormat, Is.EqualTo(CaptionFormat.Coco));
    }

    [Test]
    public void An_output_that_is_the_input_is_refused()
    {
        string input = Write("captions.txt", "a red car\n");

        Assert.That(() => NegativesFile.Check(input, input, null, NegativesFormat.Jsonl),
            Throws.ArgumentException.With.Message.Contains("is the input file"));
    }

    [Test]
    public void Negclip_output_of_plain_text_is_refused_before_anything_is_written()
    {
        string input = Write("captions.txt", "a red car\n");
        string output = Path.Combine(Dir, "out.tsv");

        Assert.That(() => NegativesFile.Check(input, output, null, NegativesFormat.Negclip),
            Throws.ArgumentException.With.Message.StartsWith("--format negclip needs each caption's image"));
        Assert.That(File.Exists(output), Is.False);
    }

    [Test]
    public void The_error_log_writes_the_first_errors_and_how_many_more()
    {
        var log = new CaptionErrorLog(kept: 2);
        for (int line = 1; line <= 5; line++)
        {
            log.Add(new CaptionReadError("c.jsonl", line, "not valid JSON"));
        }
        using var text = new StringWriter();

        log.WriteTo(text);

        Assert.That(text.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            "c.jsonl(1): not valid JSON: skipped",
            "c.jsonl(2): not valid JSON: skipped",
            "... and 3 more unreadable records.",
        }));
    }

    [Test]
    public void The_data_printer_shows_the_first_problems_then_a_count()
    {
        using var text = new StringWriter();
        var printer = new DataLoadPrinter(text, printed: 1);

        printer.Report.Add(DataLoadError.AtLine("a.tsv", 3, "empty description"));
        printer.Report.Add(DataLoadError.AtLine("a.tsv", 7, "empty description"));
        printer.PrintSummary("Training data");

        string[] lines = text.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[0], Does.StartWith("skipped: ").And.Contain("a.tsv").And.Contain("empty description"));
        Assert.That(lines[1], Is.EqualTo("Training data: 2 records or images skipped (the first 1 are shown above)."));
    }
}
