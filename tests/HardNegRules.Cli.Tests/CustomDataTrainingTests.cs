using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HardNegRules.Cli.Tests;

public class CustomDataTrainingTests
{
    /// <summary>A tiny ViT at 32 pixels, 4 steps of batch 4.</summary>
    private static readonly string[] Tiny =
    [
        "--steps", "4",
        "--set", "data.image-size=32", "--set", "model.vision=vit", "--set", "model.patch-size=8", "--set", "model.vision-width=16",
        "--set", "model.vision-layers=1", "--set", "model.vision-heads=2", "--set", "model.embed-dim=16", "--set", "model.text-width=16",
        "--set", "model.text-layers=1", "--set", "model.text-heads=2", "--set", "schedule.batch-size=4", "--set", "schedule.warmup=1",
        "--set", "schedule.checkpoint-every=0", "--set", "data.validation-fraction=0.2",
    ];

    /// <summary>The sample's 22 images with their first two COCO captions each, as (file name, caption).</summary>
    private static List<(string File, string Caption)> SamplePairs()
    {
        using JsonDocument coco = JsonDocument.Parse(File.ReadAllText(Path.Combine(BenchmarkFiles.CocoSample, "captions.json")));
        Dictionary<long, string> files = coco.RootElement.GetProperty("images").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetInt64(), i => i.GetProperty("file_name").GetString()!);
        return
        [
            .. coco.RootElement.GetProperty("annotations").EnumerateArray()
                .GroupBy(a => a.GetProperty("image_id").GetInt64())
                .SelectMany(g => g.Take(2).Select(a => (files[g.Key], a.GetProperty("caption").GetString()!.Trim()))),
        ];
    }

    private static string Quoted(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [Test]
    public void The_custom_preset_trains_on_an_open_clip_csv_in_three_lines_and_writes_tensorboard_events()
    {
        string root = Hardneg.TempDirectory();
        var csv = new StringBuilder("filepath,title\n");
        foreach ((string file, string caption) in SamplePairs())
        {
            csv.Append(file).Append(',').Append(Quoted(caption)).Append('\n');
        }
        csv.Append(",a row without an image\n");
        File.WriteAllText(Path.Combine(root, "train.csv"), csv.ToString());
        string run = Path.Combine(root, "run");

        Hardneg.Result trained = Hardneg.RunIn(root,
        [
            "train", "--preset", "custom", "--out", run,
            "--set", "data.captions=train.csv",
            "--set", $"data.images={BenchmarkFiles.CocoSample}",
            .. Tiny,
        ]);

        Assert.That(trained.ExitCode, Is.Zero, trained.Stderr);
        Assert.That(trained.Stdout, Does.Contain("step 4/4"));
        Assert.That(trained.Stderr, Does.Contain("36 training pairs").And.Contain("8 held-out pairs").And.Contain("train.csv(46): empty 'filepath'"));
        Assert.That(TinyTraining.ReadMetrics(Path.Combine(run, "metrics.jsonl")), Has.Count.EqualTo(4));
        string[] events = Directory.GetFiles(run, "events.out.tfevents.*");
        Assert.That(events, Has.Length.EqualTo(1));
        Assert.That(new FileInfo(events[0]).Length, Is.GreaterThan(4 * 16), "the file_version event and four steps of scalars");

        Hardneg.Result evaluated = Hardneg.RunIn(Path.GetTempPath(), "eval", "--checkpoint", run);

        Assert.That(evaluated.ExitCode, Is.Zero, evaluated.Stderr);
        Assert.That(evaluated.Stdout, Does.Contain("csv: 4 held-out images with 8 captions").And.Contain("i2t_r1"));
    }

    [Test]
    public void A_negclip_tsv_trains_on_its_own_negatives_when_the_preset_asks()
    {
        string root = Hardneg.TempDirectory();
        var tsv = new StringBuilder("\ttitle\tfilepath\tneg_caption\tneg_image\n");
        int row = 0;
        foreach ((string file, _) in SamplePairs())
        {
            // Captions the rules find nothing to change in: any negative must come from the neg_caption column.
            string caption = string.Create(CultureInfo.InvariantCulture, $"zqx {row} vlorp");
            string negatives = Quoted(string.Create(CultureInfo.InvariantCulture, $"['vlorp {row} zqx', \"zqx vlorp {row}\"]")); // quoted as pandas writes it
            tsv.Append(CultureInfo.InvariantCulture, $"{row}\t{caption}\t{Path.Combine(BenchmarkFiles.CocoSample, file)}\t{negatives}\t[1, 2]\n");
            row++;
        }
        File.WriteAllText(Path.Combine(root, "train_neg_clip.tsv"), tsv.ToString());
        string run = Path.Combine(root, "run");
        // The file names images in the repository by absolute path, as NegCLIP's own files do: allowed only when asked.
        string[] args = ["train", "--preset", "custom", "--out", run, "--set", "data.source=negclip", "--set", "data.captions=train_neg_clip.tsv",
            "--set", "data.allow-absolute-paths=true", .. Tiny];

        Hardneg.Result withRules = Hardneg.RunIn(root, [.. args, "--set", "schedule.tensorboard=false"]);
        Assert.That(withRules.ExitCode, Is.Zero, withRules.Stderr);
        Assert.That(Directory.GetFiles(run, "events.out.tfevents.*"), Is.Empty, "schedule.tensorboard=false");
        Assert.That(File.ReadLines(Path.Combine(run, "metrics.jsonl")).Select(Negatives), Has.All.EqualTo(0));

        Directory.Delete(run, recursive: true);
        Hardneg.Result withDataset = Hardneg.RunIn(root, [.. args, "--set", "rules.source=dataset"]);
        Assert.That(withDataset.ExitCode, Is.Zero, withDataset.Stderr);
        Assert.That(File.ReadLines(Path.Combine(run, "metrics.jsonl")).Select(Negatives), Has.All.EqualTo(4), "one of its two negatives per caption (k = 1)");
    }

    [Test]
    public void Dataset_negatives_from_a_source_without_them_is_a_usage_error()
    {
        string root = Hardneg.TempDirectory();
        File.WriteAllText(Path.Combine(root, "train.csv"), "filepath,title\na.jpg,a red car\nb.jpg,a blue car\n");

        Hardneg.Result result = Hardneg.RunIn(root, ["train", "--preset", "custom", "--out", Path.Combine(root, "run"),
            "--set", "data.captions=train.csv", "--set", "rules.source=dataset", .. Tiny]);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr, Does.Contain("rules.source=dataset").And.Contain("data.source=negclip"));
    }

    private static int Negatives(string line)
    {
        using JsonDocument record = JsonDocument.Parse(line);
        return record.RootElement.GetProperty("negatives").GetInt32();
    }
}
