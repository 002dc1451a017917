using System.Text.Json;
using HardNegRules.Training.Model;
using HardNegRules.Training.Presets;
using HardNegRules.Training.Weights;

namespace HardNegRules.Cli.Tests;

public class SugarCrepeSuiteTests
{
    private static readonly string CocoSample = Path.Combine(Hardneg.RepositoryRoot, "tests", "data", "coco", "val2017-sample");
    private static readonly string SugarCrepe = Path.Combine(Hardneg.RepositoryRoot, "tests", "data", "sugarcrepe");

    private static readonly string[] TinyVit =
    [
        "data.image-size=32", "model.vision=vit", "model.patch-size=16", "model.vision-width=16", "model.vision-layers=1",
        "model.vision-heads=2", "model.embed-dim=8", "model.text-width=16", "model.text-layers=1", "model.text-heads=2",
    ];

    [Test]
    public void Sugarcrepe_scores_every_item_whose_image_exists_and_counts_the_rest()
    {
        string run = Hardneg.TempDirectory();
        Hardneg.Result trained = Hardneg.RunIn(Hardneg.RepositoryRoot, [.. TinyTraining.Args("train", "--out", run), "--steps", "2"]);
        Assert.That(trained.ExitCode, Is.Zero, trained.Stderr);
        // All sample images but one; 000000397133.jpg has items in several categories.
        string images = Hardneg.TempDirectory();
        foreach (string file in Directory.GetFiles(CocoSample, "*.jpg").Where(f => Path.GetFileName(f) != "000000397133.jpg"))
        {
            File.Copy(file, Path.Combine(images, Path.GetFileName(file)));
        }
        string output = Path.Combine(run, "sugarcrepe.json");

        Hardneg.Result result = Hardneg.Run("eval", "--suite", "sugarcrepe", "--checkpoint", run, "--images", images,
            "--sugarcrepe", SugarCrepe, "--out", output);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Does.Contain("swap_obj").And.Contain("overall"));
        Assert.That(result.Stderr, Does.Contain("000000397133.jpg").And.Contain("file not found"));
        Assert.That(result.Stdout, Does.Contain("83 items read"));
        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(output));
        JsonElement overall = report.RootElement.GetProperty("overall");
        int skipped = overall.GetProperty("skipped").GetInt32();
        Assert.That(skipped, Is.Positive);
        Assert.That(overall.GetProperty("evaluated").GetInt32() + skipped, Is.EqualTo(83));
        Assert.That(overall.GetProperty("accuracy").GetDouble(), Is.InRange(0.0, 1.0));
        JsonElement[] categories = [.. report.RootElement.GetProperty("categories").EnumerateArray()];
        Assert.That(categories.Select(c => c.GetProperty("category").GetString()),
            Is.EqualTo(new[] { "add_att", "add_obj", "replace_att", "replace_obj", "replace_rel", "swap_att", "swap_obj" }));
        Assert.That(categories.Select(c => c.GetProperty("accuracy").GetDouble()), Has.All.InRange(0.0, 1.0));
    }

    [Test]
    public void Sugarcrepe_runs_on_hugging_face_weights_in_the_presets_architecture()
    {
        // A tiny ViT in the coco preset's form, saved with HF's names as a stand-in for openai/clip-vit-base-patch32.
        Preset preset = PresetCatalog.Load("coco", TinyVit);
        string weights = Path.Combine(Hardneg.TempDirectory(), "model.safetensors");
        using (var model = new ClipModel(preset.Model.ToModelOptions(preset.Data.ImageSize), seed: 3))
        {
            ClipWeights.SaveHuggingFace(model, weights);
        }

        Hardneg.Result result = Hardneg.Run(
        [
            "eval", "--suite", "sugarcrepe", "--weights", weights, "--preset", "coco", "--images", CocoSample, "--sugarcrepe", SugarCrepe,
            .. TinyVit.SelectMany(t => new[] { "--set", t }),
        ]);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Does.Contain("83 evaluated, 0 skipped"));
        Assert.That(result.Stdout, Does.Contain("model.safetensors"));
    }

    [Test]
    public void An_unreadable_weights_file_is_a_usage_error_naming_the_key()
    {
        string weights = Path.Combine(Hardneg.TempDirectory(), "model.safetensors");
        File.WriteAllText(weights, "not a safetensors file");

        Hardneg.Result result = Hardneg.Run(
        [
            "eval", "--suite", "sugarcrepe", "--weights", weights, "--images", CocoSample, "--sugarcrepe", SugarCrepe,
            .. TinyVit.SelectMany(t => new[] { "--set", t }),
        ]);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr, Does.Contain("model.weights"));
    }

    [Test]
    public void Sugarcrepe_needs_images_and_one_model()
    {
        Hardneg.Result noImages = Hardneg.Run("eval", "--suite", "sugarcrepe", "--checkpoint", "x");
        Hardneg.Result noModel = Hardneg.Run("eval", "--suite", "sugarcrepe", "--images", CocoSample);

        Assert.That((noImages.ExitCode, noModel.ExitCode), Is.EqualTo((2, 2)));
        Assert.That(noImages.Stderr, Does.Contain("--images DIR"));
        Assert.That(noModel.Stderr, Does.Contain("one of --checkpoint PATH and --weights FILE"));
    }
}
