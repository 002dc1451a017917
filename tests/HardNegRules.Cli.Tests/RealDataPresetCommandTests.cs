using System.Text.Json;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace HardNegRules.Cli.Tests;

public class RealDataPresetCommandTests
{
    /// <summary>A tiny ViT at 32 pixels, 4 steps of batch 4: the real-data path end to end in seconds.</summary>
    private static readonly string[] Tiny =
    [
        "--steps", "4",
        "--set", "data.image-size=32",
        "--set", "model.vision=vit",
        "--set", "model.patch-size=8",
        "--set", "model.vision-width=16",
        "--set", "model.vision-layers=1",
        "--set", "model.vision-heads=2",
        "--set", "model.embed-dim=16",
        "--set", "model.text-width=16",
        "--set", "model.text-layers=1",
        "--set", "model.text-heads=2",
        "--set", "schedule.batch-size=4",
        "--set", "schedule.warmup=1",
        "--set", "schedule.checkpoint-every=0",
    ];

    [Test]
    public void The_coco_preset_trains_on_the_sample_images_and_evaluates_its_held_out_images()
    {
        string dir = Hardneg.TempDirectory();

        Hardneg.Result trained = Hardneg.RunIn(Hardneg.RepositoryRoot,
        [
            "train", "--preset", "coco", "--out", dir,
            "--set", "data.captions=tests/data/coco/val2017-sample/captions.json",
            "--set", "data.images=tests/data/coco/val2017-sample",
            "--set", "data.validation-fraction=0.2",
            .. Tiny,
        ]);

        Assert.That(trained.ExitCode, Is.Zero, trained.Stderr);
        Assert.That(trained.Stdout, Does.Contain("step 4/4"));
        Assert.That(trained.Stderr, Does.Contain("90 training pairs").And.Contain("20 held-out pairs").And.Contain("random initialisation"));
        Assert.That(File.Exists(Path.Combine(dir, "checkpoint.bin")), Is.True);
        Assert.That(TinyTraining.ReadMetrics(Path.Combine(dir, "metrics.jsonl")).Select(m => m.Loss).ToList(), Has.Count.EqualTo(4).And.All.GreaterThan(0));

        // From another folder: run.json holds the data paths made absolute.
        string output = Path.Combine(dir, "eval.json");
        Hardneg.Result evaluated = Hardneg.RunIn(Path.GetTempPath(), "eval", "--checkpoint", dir, "--out", output);

        Assert.That(evaluated.ExitCode, Is.Zero, evaluated.Stderr);
        Assert.That(evaluated.Stdout, Does.Contain("4 held-out images with 20 captions").And.Contain("i2t_r10"));
        using JsonDocument metrics = JsonDocument.Parse(File.ReadAllText(output));
        JsonElement retrieval = metrics.RootElement.GetProperty("retrieval");
        foreach (string key in new[] { "i2t_r1", "i2t_r5", "i2t_r10", "t2i_r1", "t2i_r5", "t2i_r10" })
        {
            Assert.That(retrieval.GetProperty(key).GetDouble(), Is.InRange(0.0, 1.0), key);
        }
        Assert.That(metrics.RootElement.GetProperty("text_ranking").GetProperty("concepts").GetProperty("object").GetProperty("items").GetInt32(), Is.Positive);
        Assert.That(metrics.RootElement.GetProperty("text_ranking").GetProperty("mean").GetDouble(), Is.InRange(0.0, 1.0));
    }

    [Test]
    public void The_fashion200k_preset_trains_on_label_files_and_evaluates_the_test_split()
    {
        string root = Hardneg.TempDirectory();
        WriteFashion200K(root);
        string dir = Path.Combine(root, "run");

        Hardneg.Result trained = Hardneg.RunIn(root, ["train", "--preset", "fashion200k", "--out", dir, "--set", "data.images=.", .. Tiny]);

        Assert.That(trained.ExitCode, Is.Zero, trained.Stderr);
        Assert.That(trained.Stderr, Does.Contain("8 training pairs").And.Contain("3 held-out pairs (the test label files)"));
        Assert.That(trained.Stderr, Does.Contain("dress_train_detect_all.txt(3)").And.Contain("expected 3 tab-separated fields"));
        Assert.That(TinyTraining.ReadMetrics(Path.Combine(dir, "metrics.jsonl")), Has.Count.EqualTo(4));

        string output = Path.Combine(dir, "eval.json");
        Hardneg.Result evaluated = Hardneg.RunIn(root, "eval", "--checkpoint", dir, "--out", output);

        Assert.That(evaluated.ExitCode, Is.Zero, evaluated.Stderr);
        using JsonDocument metrics = JsonDocument.Parse(File.ReadAllText(output));
        Assert.That(metrics.RootElement.GetProperty("source").GetString(), Is.EqualTo("fashion200k"));
        Assert.That(metrics.RootElement.GetProperty("images").GetInt32(), Is.EqualTo(3));
        Assert.That(metrics.RootElement.GetProperty("retrieval").GetProperty("t2i_r1").GetDouble(), Is.InRange(0.0, 1.0));
    }

    [Test]
    public void A_real_data_preset_without_its_paths_names_the_missing_key()
    {
        Hardneg.Result result = Hardneg.RunIn(Hardneg.RepositoryRoot, ["train", "--preset", "coco", "--out", Hardneg.TempDirectory(), .. Tiny]);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("data.captions is required").And.Contain("--set data.captions=PATH"));

        Hardneg.Result missing = Hardneg.RunIn(Hardneg.RepositoryRoot,
            ["train", "--preset", "coco", "--out", Hardneg.TempDirectory(), "--set", "data.captions=nowhere/captions.json", .. Tiny]);

        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.Stderr, Does.Contain("data.captions: no file '").And.Contain("nowhere/captions.json"));
    }

    /// <summary>Fashion200K's layout: labels/dress_{train,test}_detect_all.txt and PNGs under women/dresses/.</summary>
    private static void WriteFashion200K(string root)
    {
        string[] colors = ["black", "red", "blue", "white", "green", "pink", "navy", "beige", "gray", "yellow", "purple"];
        var train = new List<string>();
        var test = new List<string>();
        for (int i = 0; i < colors.Length; i++)
        {
            string relative = $"women/dresses/casual/{i}/{i}_0.png";
            WritePng(Path.Combine(root, relative), i);
            (i < 8 ? train : test).Add($"{relative}\t0.9\t{colors[i]} cotton dress with long sleeves");
        }
        train.Insert(2, "women/dresses/casual/x/x_0.png\tmissing its description");
        Directory.CreateDirectory(Path.Combine(root, "labels"));
        File.WriteAllLines(Path.Combine(root, "labels", "dress_train_detect_all.txt"), train);
        File.WriteAllLines(Path.Combine(root, "labels", "dress_test_detect_all.txt"), test);
    }

    private static void WritePng(string path, int seed)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var random = new Random(seed);
        using var image = new Image<Rgb24>(24, 40);
        image.ProcessPixelRows(rows =>
        {
            for (int y = 0; y < rows.Height; y++)
            {
                foreach (ref Rgb24 pixel in rows.GetRowSpan(y))
                {
                    pixel = new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                }
            }
        });
        image.SaveAsPng(path);
    }
}
