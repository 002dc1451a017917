using System.Text.Json;

namespace HardNegRules.Cli.Tests;

public class NegativesCommandTests
{
    private static readonly string Sample = Path.Combine(Hardneg.RepositoryRoot, "tests", "data", "coco", "captions_val2017_sample.jsonl");

    [Test]
    public void Jsonl_input_gives_one_record_per_caption_in_the_contract_shape_identical_across_runs()
    {
        string dir = Hardneg.TempDirectory();
        string first = Path.Combine(dir, "a.jsonl");
        string second = Path.Combine(dir, "b.jsonl");

        Hardneg.Result run = Hardneg.Run("negatives", "--input", Sample, "--output", first, "--k", "2", "--seed", "11");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(Hardneg.Run("negatives", "--input", Sample, "--output", second, "--k", "2", "--seed", "11").ExitCode, Is.Zero);

        Assert.That(File.ReadAllBytes(second), Is.EqualTo(File.ReadAllBytes(first)), "same seed, same bytes");
        string[] lines = File.ReadAllLines(first);
        Assert.That(lines, Has.Length.EqualTo(3000));
        int withNegatives = 0;
        foreach (string line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            JsonElement root = doc.RootElement;
            Assert.That(root.GetProperty("id").ValueKind, Is.EqualTo(JsonValueKind.Number));
            string caption = root.GetProperty("caption").GetString()!;
            foreach (JsonElement n in root.GetProperty("negatives").EnumerateArray())
            {
                int start = n.GetProperty("start").GetInt32();
                int length = n.GetProperty("length").GetInt32();
                Assert.That(caption.Substring(start, length), Is.EqualTo(n.GetProperty("from").GetString()));
                Assert.That(n.GetProperty("kind").GetString(), Is.AnyOf("replace", "swap"));
                Assert.That(n.GetProperty("text").GetString(), Is.Not.EqualTo(caption));
                Assert.That(n.GetProperty("rule").GetString(), Does.StartWith(n.GetProperty("concept").GetString() + "/"));
                Assert.That(n.TryGetProperty("to", out _), Is.True);
            }

            withNegatives += root.GetProperty("negatives").GetArrayLength() > 0 ? 1 : 0;
        }

        Assert.That(withNegatives, Is.GreaterThan(2000));
        Assert.That(Hardneg.Run("negatives", "--input", Sample, "--output", second, "--k", "2", "--seed", "12").ExitCode, Is.Zero);
        Assert.That(File.ReadAllBytes(second), Is.Not.EqualTo(File.ReadAllBytes(first)), "another seed, other negatives");
    }

    [Test]
    public void Coco_json_and_text_inputs_and_bad_records_are_counted_not_fatal()
    {
        string dir = Hardneg.TempDirectory();
        string coco = Hardneg.WriteFile(dir, "captions.json", """{"annotations": [{"id": 17, "image_id": 3, "caption": "A red bus."}, {"id": 18, "image_id": 3}, {"id": "x9", "caption": "a small cat on the left"}]}""");
        string text = Hardneg.WriteFile(dir, "captions.txt", "a black dog\n\nno concepts here\n");
        string jsonl = Hardneg.WriteFile(dir, "captions.jsonl", "{\"caption\": \"a blue car\", \"id\": 5}\n{not json\n{\"id\": 7}\n");

        Hardneg.Result cocoRun = Hardneg.Run("negatives", "--input", coco, "--output", Path.Combine(dir, "coco.jsonl"));
        Assert.That(cocoRun.ExitCode, Is.Zero, cocoRun.Stderr);
        string[] cocoLines = File.ReadAllLines(Path.Combine(dir, "coco.jsonl"));
        Assert.That(cocoLines, Has.Length.EqualTo(2));
        Assert.That(cocoLines[0], Does.StartWith("{\"id\":17,\"caption\":\"A red bus.\""));
        Assert.That(cocoLines[1], Does.StartWith("{\"id\":\"x9\","));
        Assert.That(cocoRun.Stderr, Does.Contain("annotation 1: missing a string \"caption\" field").And.Contain("1 unreadable records skipped"));

        Hardneg.Result textRun = Hardneg.Run("negatives", "--input", text, "--output", Path.Combine(dir, "text.jsonl"));
        string[] textLines = File.ReadAllLines(Path.Combine(dir, "text.jsonl"));
        Assert.That(textRun.ExitCode, Is.Zero);
        Assert.That(textLines, Has.Length.EqualTo(2));
        Assert.That(textLines[1], Is.EqualTo("{\"id\":3,\"caption\":\"no concepts here\",\"negatives\":[]}"));

        Hardneg.Result jsonlRun = Hardneg.Run("negatives", "--input", jsonl, "--output", Path.Combine(dir, "jsonl.jsonl"));
        Assert.That(jsonlRun.ExitCode, Is.Zero);
        Assert.That(File.ReadAllLines(Path.Combine(dir, "jsonl.jsonl")), Has.Length.EqualTo(1));
        Assert.That(jsonlRun.Stderr, Does.Contain("captions.jsonl(2): not valid JSON").And.Contain("captions.jsonl(3): missing a string \"caption\" field"));
    }

    [Test]
    public void Output_is_written_whole_or_not_at_all()
    {
        string dir = Hardneg.TempDirectory();
        string output = Hardneg.WriteFile(dir, "out.jsonl", "previous content\n");
        string rules = Path.Combine(dir, "rules");
        Directory.CreateDirectory(rules);
        File.WriteAllText(Path.Combine(rules, "color.yaml"), "concept: color\nterms: [red]\n");

        Hardneg.Result run = Hardneg.Run("negatives", "--input", Sample, "--output", output, "--rules", rules);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stderr, Does.Contain("color.yaml(2,9): error HNR006"));
        Assert.That(File.ReadAllText(output), Is.EqualTo("previous content\n"));
        Assert.That(Directory.GetFiles(dir, "*.tmp"), Is.Empty);
    }

    [Test]
    public void Rules_read_at_run_time_need_no_rebuild()
    {
        string dir = Hardneg.TempDirectory();
        string rules = Path.Combine(dir, "rules");
        Directory.CreateDirectory(rules);
        File.Copy(Path.Combine(Hardneg.RepositoryRoot, "rules", "color.yaml"), Path.Combine(rules, "color.yaml"));
        string yaml = File.ReadAllText(Path.Combine(rules, "color.yaml"));
        File.WriteAllText(Path.Combine(rules, "color.yaml"), yaml.Replace("terms:\n", "terms:\n  - periwinkle\n", StringComparison.Ordinal));

        Hardneg.Result run = Hardneg.Run("permute", "a red kite", "--rules", rules, "--k", "200", "--json");

        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run.Stdout, Does.Contain("a periwinkle kite"));
    }
}
