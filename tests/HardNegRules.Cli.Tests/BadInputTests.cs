using System.Diagnostics;

namespace HardNegRules.Cli.Tests;

/// <summary>Bad rule files and data files end in one clear line and the documented exit code: no stack trace, no hang.</summary>
public class BadInputTests
{
    private static void AssertClean(Hardneg.Result result, int exitCode, string expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(exitCode), result.Stderr);
            Assert.That(result.Stderr, Does.Contain(expected));
            Assert.That(result.Stderr + result.Stdout, Does.Not.Contain("   at ").And.Not.Contain("Unhandled exception").And.Not.Contain("Stack overflow"));
        });
    }

    [Test]
    public void Rules_check_on_a_folder_without_rule_files_fails_instead_of_printing_ok()
    {
        string dir = Hardneg.TempDirectory();
        Hardneg.Result result = Hardneg.Run("rules", "check", dir);
        AssertClean(result, 2, "No rule files in");
        Assert.That(result.Stdout, Does.Not.Contain("OK"));
    }

    [Test]
    public void Rules_check_reports_deep_nesting_bad_utf8_and_contradictions_as_rule_errors()
    {
        string dir = Hardneg.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "color.yaml"), "concept: color\nterms: " + new string('[', 100_000) + "red" + new string(']', 100_000) + "\n");
        File.WriteAllBytes(Path.Combine(dir, "object.yaml"), [.. "concept: object\nterms: [car, ca"u8, 0xE9, .. "fe]\n"u8]);
        File.WriteAllText(Path.Combine(dir, "size.yaml"), "concept: size\npolicy: opposite\nterms: [big, large, small]\nsynonyms: [[big, large]]\nopposites: [[big, small], [big, large]]\n");
        Hardneg.Result result = Hardneg.Run("rules", "check", dir);
        AssertClean(result, 1, "error HNR016");
        Assert.That(result.Stderr, Does.Contain("object.yaml(2,16): error HNR017").And.Contain("size.yaml(5,28): error HNR018"));
    }

    [Test]
    public void A_fifo_named_like_a_rule_file_is_a_usage_error_not_a_hang()
    {
        string dir = Hardneg.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "color.yaml"), "concept: color\nterms: [red, blue]\n");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [Path.Combine(dir, "size.yaml")]) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
        }

        AssertClean(Hardneg.Run("rules", "check", dir), 2, "is a named pipe (FIFO), not a regular file");
    }

    [Test]
    public void A_fifo_as_preset_or_captions_file_is_a_usage_error_not_a_hang()
    {
        string dir = Hardneg.TempDirectory();
        string preset = Path.Combine(dir, "preset.yaml");
        string captions = Path.Combine(dir, "captions.json");
        foreach (string fifo in new[] { preset, captions })
        {
            using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]) { UseShellExecute = false })!;
            mkfifo.WaitForExit();
        }

        AssertClean(Hardneg.Run("train", "--preset", preset, "--out", Path.Combine(dir, "a"), "--steps", "1"), 2, "preset.yaml' is a named pipe (FIFO)");
        string sample = Path.Combine(Hardneg.RepositoryRoot, "tests", "data", "coco", "val2017-sample");
        AssertClean(Hardneg.Run("train", "--preset", "coco", "--out", Path.Combine(dir, "b"), "--steps", "1",
            "--set", $"data.captions={captions}", "--set", $"data.images={sample}"), 2, "captions.json' is a named pipe (FIFO)");
    }

    [TestCase("coco")]
    [TestCase("karpathy")]
    public void Training_on_a_captions_file_cut_at_70_percent_fails_before_the_first_step(string format)
    {
        string sample = Path.Combine(Hardneg.RepositoryRoot, "tests", "data", "coco", "val2017-sample");
        string dir = Hardneg.TempDirectory();
        string whole = format == "coco" ? File.ReadAllText(Path.Combine(sample, "captions.json")) : Karpathy(sample);
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(whole);
        string captions = Path.Combine(dir, "captions.json");
        File.WriteAllBytes(captions, bytes[..(bytes.Length * 7 / 10)]);
        string output = Path.Combine(dir, "run");

        Hardneg.Result result = Hardneg.Run("train", "--preset", "coco", "--out", output, "--steps", "2",
            "--set", $"data.captions={captions}", "--set", $"data.images={sample}");

        AssertClean(result, 2, "captions.json at byte");
        Assert.That(result.Stderr, Does.Contain("cut short"));
        Assert.That(File.Exists(Path.Combine(output, "checkpoint.bin")), Is.False, "nothing trained");
    }

    // Karpathy's format over the sample's images: every image in the train split, two sentences each.
    private static string Karpathy(string sample)
    {
        IEnumerable<string> images = Directory.EnumerateFiles(sample, "*.jpg").Order(StringComparer.Ordinal).Select((path, i) =>
            $$"""{"filepath": "", "filename": "{{Path.GetFileName(path)}}", "split": "{{(i % 5 == 0 ? "test" : "train")}}", "sentences": [{"raw": "a photo number {{i}}", "sentid": {{2 * i}}}, {"raw": "a red thing {{i}}", "sentid": {{2 * i + 1}}}]}""");
        return "{\"images\": [\n" + string.Join(",\n", images) + "\n], \"dataset\": \"coco\"}\n";
    }
}
