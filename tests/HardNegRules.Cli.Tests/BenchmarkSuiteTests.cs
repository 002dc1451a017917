using System.Text.Json;

namespace HardNegRules.Cli.Tests;

public class BenchmarkSuiteTests
{
    private static string TrainTiny(int seed)
    {
        string run = Hardneg.TempDirectory();
        Hardneg.Result trained = Hardneg.RunIn(Hardneg.RepositoryRoot,
            [.. TinyTraining.Args("train", "--out", run), "--steps", "2", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.That(trained.ExitCode, Is.Zero, trained.Stderr);
        return run;
    }

    private sealed record SuiteRun(Hardneg.Result Result, JsonElement Report, string Output);

    // Evaluates a freshly trained tiny model on one suite; the run must succeed and write its report.
    private static SuiteRun EvalSuite(string suite, params string[] data)
    {
        string run = TrainTiny(1);
        string output = Path.Combine(run, suite + ".json");
        Hardneg.Result result = Hardneg.Run(["eval", "--suite", suite, "--checkpoint", run, .. data, "--out", output]);
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(output));
        return new SuiteRun(result, report.RootElement.Clone(), output);
    }

    [Test]
    public async Task Inpaintcoco_scores_both_directions_per_concept_and_counts_unreadable_pairs()
    {
        string data = await BenchmarkFiles.WriteInpaintCocoAsync(Hardneg.TempDirectory());

        (Hardneg.Result result, JsonElement report, string output) = EvalSuite("inpaintcoco", "--inpaintcoco", data);

        Assert.That(result.Stdout, Does.Contain("6 pairs evaluated, 1 skipped").And.Contain("inpainted_caption").And.Contain("image_pair"));
        Assert.That(result.Stderr, Does.Contain("inpaint_image of row 6"));
        JsonElement[] concepts = [.. report.GetProperty("concepts").EnumerateArray()];
        Assert.That(concepts.Select(c => (c.GetProperty("group").GetString(), c.GetProperty("evaluated").GetInt32(), c.GetProperty("skipped").GetInt32())),
            Is.EqualTo(new[] { ("color", 2, 1), ("object", 2, 0), ("size", 2, 0) }));
        JsonElement overall = report.GetProperty("overall");
        foreach (string key in new[] { "original_caption", "edited_caption", "image_pair", "text", "group_score" })
        {
            Assert.That(overall.GetProperty(key).GetDouble(), Is.InRange(0.0, 1.0), key);
        }
        Assert.That(overall.GetProperty("image_pair").GetDouble(), Is.LessThanOrEqualTo(overall.GetProperty("original_caption").GetDouble()));
        Assert.That(File.ReadAllText(Path.ChangeExtension(output, ".md")), Does.Contain("| inpaintcoco | color | image_pair | 2 |"));
    }

    [Test]
    public void Winoground_reports_text_image_and_group_scores_per_tag()
    {
        string data = BenchmarkFiles.WriteWinoground(Hardneg.TempDirectory());

        (Hardneg.Result result, JsonElement report, _) = EvalSuite("winoground", "--winoground", data);

        Assert.That(result.Stdout, Does.Contain("4 examples read").And.Contain("3 evaluated, 1 skipped").And.Contain("collapsed_tag=Relation"));
        Assert.That(result.Stderr, Does.Contain("examples.jsonl(3)").And.Contain("caption_1").And.Contain("ex_3_img_1"));
        Assert.That(report.GetProperty("evaluated").GetInt32(), Is.EqualTo(3));
        JsonElement overall = report.GetProperty("overall");
        Assert.That(overall.GetProperty("group").GetDouble(), Is.LessThanOrEqualTo(Math.Min(overall.GetProperty("text").GetDouble(), overall.GetProperty("image").GetDouble())));
        string[] groups = [.. report.GetProperty("groups").EnumerateArray().Select(g => $"{g.GetProperty("field").GetString()}={g.GetProperty("value").GetString()}:{g.GetProperty("count").GetInt32()}")];
        Assert.That(groups, Does.Contain("collapsed_tag=Object:1").And.Contain("collapsed_tag=Relation:1").And.Contain("secondary_tag=none:2").And.Contain("num_main_preds=2:1"));
    }

    [Test]
    public void Aro_evaluates_each_set_present_with_its_macro_accuracy()
    {
        string data = BenchmarkFiles.WriteAro(Hardneg.TempDirectory());

        (Hardneg.Result result, JsonElement report, _) = EvalSuite("aro", "--aro", data);

        Assert.That(result.Stderr, Does.Contain("missing.jpg").And.Contain("visual_genome_attribution.json[record 1]"));
        Dictionary<string, JsonElement> sets = report.GetProperty("sets").EnumerateArray().ToDictionary(s => s.GetProperty("set").GetString()!);
        Assert.That(sets.Keys, Is.EqualTo(new[] { "vg_relation", "vg_attribution", "coco_order" }));
        Assert.That((sets["vg_relation"].GetProperty("evaluated").GetInt32(), sets["vg_relation"].GetProperty("skipped").GetInt32()), Is.EqualTo((3, 1)));
        // "near" is on ARO's list of relations left out of the macro accuracy; "on" is not.
        JsonElement[] classes = [.. sets["vg_relation"].GetProperty("classes").EnumerateArray()];
        Assert.That(classes.Select(c => (c.GetProperty("class").GetString(), c.GetProperty("in_macro").GetBoolean())), Is.EqualTo(new[] { ("near", false), ("on", true) }));
        Assert.That(sets["vg_relation"].GetProperty("macro_accuracy").GetDouble(), Is.EqualTo(classes[1].GetProperty("accuracy").GetDouble()));
        // One attribute pair of one item: under ARO's 25-item floor, so there is no macro accuracy.
        Assert.That(sets["vg_attribution"].GetProperty("macro_accuracy").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(sets["coco_order"].GetProperty("evaluated").GetInt32(), Is.EqualTo(4));
        Assert.That(sets["coco_order"].GetProperty("macro_accuracy").GetDouble(), Is.EqualTo(sets["coco_order"].GetProperty("accuracy").GetDouble()));
    }

    [Test]
    public async Task All_runs_every_suite_present_and_compares_two_models_side_by_side()
    {
        string first = TrainTiny(1);
        string second = TrainTiny(2);
        string inpaint = await BenchmarkFiles.WriteInpaintCocoAsync(Hardneg.TempDirectory());
        string winoground = BenchmarkFiles.WriteWinoground(Hardneg.TempDirectory());
        string output = Path.Combine(Hardneg.TempDirectory(), "results.json");

        Hardneg.Result result = Hardneg.Run("eval", "--suite", "all", "--checkpoint", first, "--compare", second,
            "--images", BenchmarkFiles.CocoSample, "--sugarcrepe", BenchmarkFiles.SugarCrepe, "--inpaintcoco", inpaint,
            "--winoground", winoground, "--aro", Path.Combine(winoground, "no-aro-here"), "--out", output);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stderr, Does.Contain("aro: not run: --aro"));
        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(output));
        string[] models = [.. report.RootElement.GetProperty("models").EnumerateArray().Select(m => m.GetString()!)];
        Assert.That(models, Is.EqualTo(new[] { Path.GetFileName(first), Path.GetFileName(second) }));
        string[] runs = [.. report.RootElement.GetProperty("results").EnumerateArray().Select(r => $"{r.GetProperty("model").GetString()}/{r.GetProperty("suite").GetString()}")];
        Assert.That(runs, Is.EqualTo(models.SelectMany(m => new[] { "preset", "sugarcrepe", "inpaintcoco", "winoground", "probe" }.Select(s => $"{m}/{s}"))));
        string markdown = File.ReadAllText(Path.ChangeExtension(output, ".md"));
        Assert.That(markdown, Does.Contain($"| suite | group | measure | items | {models[0]} % | {models[1]} % | difference |"));
        Assert.That(markdown, Does.Contain("| sugarcrepe | overall | accuracy | 83 |").And.Contain("| winoground | overall | group | 3 |").And.Contain("| preset | image_pair | mean |"));
        Assert.That(markdown, Does.Contain("| probe | binding | image |").And.Contain("| probe | binding | text |"));
    }

    [Test]
    public void Probe_fits_binding_probes_on_each_tower_of_a_concept_world_model()
    {
        (Hardneg.Result result, JsonElement probe, _) = EvalSuite("probe");

        Assert.That(result.Stdout, Does.Contain("Binding probe: fitted on 16 training scenes"));
        Assert.That(probe.GetProperty("twins").GetInt32(), Is.Positive);
        Assert.That(new[] { probe.GetProperty("image").GetDouble(), probe.GetProperty("text").GetDouble() },
            Has.All.InRange(0.0, 1.0));
    }

    [Test]
    public void A_suite_without_its_data_is_a_usage_error_naming_the_option()
    {
        string run = TrainTiny(1);

        Hardneg.Result result = Hardneg.Run("eval", "--suite", "winoground", "--checkpoint", run, "--winoground", Hardneg.TempDirectory());

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("--winoground: no examples.jsonl"));
    }
}
