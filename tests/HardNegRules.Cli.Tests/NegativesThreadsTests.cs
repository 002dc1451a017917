using System.Text;

namespace HardNegRules.Cli.Tests;

public class NegativesThreadsTests
{
    private static readonly string Sample = Path.Combine(Hardneg.RepositoryRoot, "tests", "data", "coco", "captions_val2017_sample.jsonl");

    [TestCase("jsonl")]
    [TestCase("negclip")]
    public void Any_number_of_threads_writes_the_bytes_one_thread_writes(string format)
    {
        string dir = Hardneg.TempDirectory();
        string input = Sample;
        if (format == "negclip")
        {
            // NegCLIP rows need each caption's image.
            input = Path.Combine(dir, "with-images.jsonl");
            File.WriteAllLines(input, File.ReadLines(Sample).Select((line, i) => line.TrimEnd('}') + $", \"filepath\": \"{i % 600}.jpg\"}}"));
        }

        string one = Path.Combine(dir, "one.out");
        Hardneg.Result sequential = Hardneg.Run("negatives", "--input", input, "--output", one, "--format", format, "--seed", "5", "--threads", "1");
        Assert.That(sequential.ExitCode, Is.Zero, sequential.Stderr);
        Assert.That(File.ReadAllLines(one), Has.Length.GreaterThan(2800));

        foreach (string threads in new[] { "2", "3" })
        {
            string many = Path.Combine(dir, $"threads{threads}.out");
            Hardneg.Result parallel = Hardneg.Run("negatives", "--input", input, "--output", many, "--format", format, "--seed", "5", "--threads", threads);
            Assert.That(parallel.ExitCode, Is.Zero, parallel.Stderr);
            Assert.That(File.ReadAllBytes(many), Is.EqualTo(File.ReadAllBytes(one)), $"--threads {threads}");
        }
    }

    [Test]
    public void Two_hundred_thousand_captions_with_images_after_annotations_and_bad_records_in_parallel()
    {
        string dir = Hardneg.TempDirectory();
        string coco = Path.Combine(dir, "captions.json");
        string[] captions = [.. File.ReadLines(Sample).Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("caption").GetString()!)];
        using (var writer = new StreamWriter(coco, append: false, new UTF8Encoding(false)))
        {
            writer.Write("{\"annotations\": [\n");
            for (int i = 0; i < 200_000; i++)
            {
                string record = i % 50_000 == 49_999
                    ? $"{{\"id\": {i}, \"image_id\": {i % 1000}}}"
                    : $"{{\"id\": {i}, \"image_id\": {i % 1000}, \"caption\": {System.Text.Json.JsonSerializer.Serialize(captions[i % captions.Length])}}}";
                writer.Write(i == 0 ? record : ",\n" + record);
            }

            writer.Write("\n],\n\"images\": [");
            writer.Write(string.Join(", ", Enumerable.Range(0, 1000).Select(i => $"{{\"id\": {i}, \"file_name\": \"{i:D12}.jpg\"}}")));
            writer.Write("]}\n");
        }

        string one = Path.Combine(dir, "one.tsv");
        string two = Path.Combine(dir, "two.tsv");
        Hardneg.Result sequential = Hardneg.Run("negatives", "--input", coco, "--output", one, "--format", "negclip", "--image-root", "val2017/", "--threads", "1");
        Hardneg.Result parallel = Hardneg.Run("negatives", "--input", coco, "--output", two, "--format", "negclip", "--image-root", "val2017/", "--threads", "2");

        Assert.That(parallel.ExitCode, Is.Zero, parallel.Stderr);
        Assert.That(File.ReadAllBytes(two), Is.EqualTo(File.ReadAllBytes(one)));
        Assert.That(parallel.Stderr, Does.Contain("Wrote 199,996 records").And.Contain("4 unreadable records skipped"));
        Assert.That(parallel.Stderr, Does.Contain("captions.json(50001): annotation 49999: missing a string \"caption\" field: skipped"));
        Assert.That(parallel.Stderr, Does.Contain("captions.json(200001): annotation 199999: missing a string \"caption\" field: skipped"));
        string[] rows = File.ReadAllLines(two);
        Assert.That(rows[1], Does.Match(@"^0\t[^\t]+\tval2017/\d{12}\.jpg\t\["), "image file names come from \"images\", which follows the annotations");
        Assert.That(rows[^1], Does.Match(@"\tval2017/\d{12}\.jpg\t\["));
    }

    [Test]
    public void Zero_threads_is_a_usage_error()
    {
        Hardneg.Result run = Hardneg.Run("negatives", "--input", Sample, "--output", Path.Combine(Hardneg.TempDirectory(), "x.jsonl"), "--threads", "0");
        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Stdout + run.Stderr, Does.Contain("--threads must be 1 or more"));
    }
}
