using System.Diagnostics;
using System.Text;

namespace HardNegRules.Cli.Tests;

/// <summary>Bad inputs and outputs of <c>negatives</c> and <c>permute</c>, end to end: a clear error, exit 2, every input intact.</summary>
public class NegativesHardeningTests
{
    private static readonly string Sample = Path.Combine(Hardneg.RepositoryRoot, "tests", "data", "coco", "captions_val2017_sample.jsonl");

    private static void AssertUsageError(Hardneg.Result run, string message)
    {
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Stderr);
        Assert.That(run.Stderr, Does.Contain(message));
        Assert.That(run.Stderr, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public void An_output_that_is_the_input_or_a_link_to_it_is_refused_and_the_input_kept()
    {
        string dir = Hardneg.TempDirectory();
        string input = Hardneg.WriteFile(dir, "captions.txt", "a red car\na small dog\n");
        string symlink = Path.Combine(dir, "link.jsonl");
        File.CreateSymbolicLink(symlink, input);
        string hardLink = Path.Combine(dir, "hard.jsonl");
        using (Process ln = Process.Start("ln", [input, hardLink]))
        {
            ln.WaitForExit();
        }

        foreach (string output in new[] { input, Path.Combine(dir, ".", "captions.txt"), symlink, hardLink })
        {
            AssertUsageError(Hardneg.Run("negatives", "--input", input, "--output", output), "is the input file (or a link to it)");
            Assert.That(File.ReadAllText(input), Is.EqualTo("a red car\na small dog\n"), output);
        }

        Assert.That(Directory.GetFiles(dir, "*.tmp"), Is.Empty);
    }

    [TestCase("{\"images\": [], \"annotations\": [{\"id\": 1, \"caption\": \"a red car\"}, {\"id\": 2, \"capt", "captions.json(1): byte offset")]
    [TestCase("{\"images\": []}", "no \"annotations\" array")]
    [TestCase("{\"annotations\": {\"id\": 1, \"caption\": \"a red car\"}}", "needs an \"annotations\" array, not an object")]
    public void A_broken_coco_file_exits_2_with_its_place_and_writes_nothing(string json, string message)
    {
        string dir = Hardneg.TempDirectory();
        string input = Hardneg.WriteFile(dir, "captions.json", json);
        string output = Path.Combine(dir, "out.jsonl");

        AssertUsageError(Hardneg.Run("negatives", "--input", input, "--output", output), message);
        Assert.That(File.Exists(output), Is.False);
        Assert.That(Directory.GetFiles(dir), Is.EqualTo(new[] { input }), "no temporary file left");
    }

    [Test]
    public void Random_bytes_are_refused_and_invalid_utf8_lines_are_counted_with_their_numbers()
    {
        string dir = Hardneg.TempDirectory();
        var bytes = new byte[300_000];
        new Random(3).NextBytes(bytes);
        string random = Path.Combine(dir, "random.txt");
        File.WriteAllBytes(random, bytes);
        AssertUsageError(Hardneg.Run("negatives", "--input", random, "--output", Path.Combine(dir, "r.jsonl")), "not a text file");
        Assert.That(File.Exists(Path.Combine(dir, "r.jsonl")), Is.False);

        string mixed = Path.Combine(dir, "mixed.txt");
        File.WriteAllBytes(mixed, [.. "a red car\n"u8, .. "a caf"u8, 0xE9, .. " car\n"u8, .. "a blue bus\n"u8]);
        Hardneg.Result run = Hardneg.Run("negatives", "--input", mixed, "--output", Path.Combine(dir, "m.jsonl"));
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run.Stderr, Does.Contain("mixed.txt(2): not valid UTF-8 (byte 6 of the line): skipped").And.Contain("1 unreadable records skipped"));
        Assert.That(File.ReadAllLines(Path.Combine(dir, "m.jsonl")).Select(l => l[..l.IndexOf(",\"negatives\"", StringComparison.Ordinal)]),
            Is.EqualTo(new[] { "{\"id\":1,\"caption\":\"a red car\"", "{\"id\":3,\"caption\":\"a blue bus\"" }));
    }

    [Test]
    public void A_fifo_input_is_refused_at_once()
    {
        string dir = Hardneg.TempDirectory();
        string fifo = Path.Combine(dir, "captions.txt");
        using (Process mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        AssertUsageError(Hardneg.Run("negatives", "--input", fifo, "--output", Path.Combine(dir, "o.jsonl")), "is a FIFO (named pipe), not a regular file");
    }

    [Test]
    public void Negclip_output_without_image_paths_is_a_usage_error()
    {
        string dir = Hardneg.TempDirectory();
        string text = Hardneg.WriteFile(dir, "captions.txt", "a red car\n");
        AssertUsageError(Hardneg.Run("negatives", "--input", text, "--output", Path.Combine(dir, "t.tsv"), "--format", "negclip"), "--format negclip needs each caption's image");

        string jsonl = Hardneg.WriteFile(dir, "captions.jsonl", "{\"caption\": \"a red car\", \"filepath\": \"1.jpg\"}\n{\"id\": 9, \"caption\": \"a blue car\"}\n");
        string output = Path.Combine(dir, "j.tsv");
        AssertUsageError(Hardneg.Run("negatives", "--input", jsonl, "--output", output, "--format", "negclip"), "record 9 has no image file");
        Assert.That(File.Exists(output), Is.False);
    }

    [Test]
    public void A_permute_argument_that_is_not_valid_text_is_refused()
    {
        // A lone surrogate reaches the process as bytes that do not decode: the runtime turns them into U+FFFD.
        Hardneg.Result run = Hardneg.Run("permute", "a red car", "a \uD800 blue car");
        AssertUsageError(run, "caption 2 is not valid UTF-8 text");
    }

    [Test]
    public void A_line_of_many_megabytes_is_skipped_in_bounded_memory()
    {
        string dir = Hardneg.TempDirectory();
        string input = Path.Combine(dir, "long.txt");
        using (var writer = new StreamWriter(input, append: false, new UTF8Encoding(false)))
        {
            writer.Write("a red car\n");
            writer.Write(new string('x', 50 << 20));
            writer.Write("\na blue bus\n");
        }

        Hardneg.Result run = Hardneg.Run("negatives", "--input", input, "--output", Path.Combine(dir, "o.jsonl"));

        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run.Stderr, Does.Contain("long.txt(2): the line is longer than 1,048,576 bytes: skipped"));
        Assert.That(File.ReadAllLines(Path.Combine(dir, "o.jsonl")), Has.Length.EqualTo(2));
    }
}
