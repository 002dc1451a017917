using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.Scenes;
using HardNegRules.Training.Loss;
using HardNegRules.Training.Presets;
using HardNegRules.Training.Runs;
using HardNegRules.Training.Training;

namespace HardNegRules.Training.Tests.Presets;

public class PresetLoaderTests
{
    [Test]
    public void The_default_preset_is_the_two_object_world_with_complete_captions_and_checked_swap_negatives_after_a_shared_warm_up()
    {
        Preset preset = PresetCatalog.Load(PresetCatalog.DefaultName);

        Assert.That(preset.Name, Is.EqualTo("concept-world"));
        Assert.That(preset.Rules.Pack, Is.EqualTo("concept-world"));
        Assert.That(preset.Rules.K, Is.EqualTo(1));
        Assert.That(preset.Rules.Mode, Is.EqualTo(HardNegativeMode.Append));
        Assert.That((preset.Rules.SwapShare, preset.Rules.CheckWorld, preset.Rules.RankingWeight), Is.EqualTo((1.0, true, 1.0)));
        ConceptWorldOptions world = preset.Data.ToWorldOptions();
        Assert.That((world.ImageSize, world.MinObjects, world.MaxObjects, world.CompleteCaptions), Is.EqualTo((48, 2, 2, true)));
        ClipModelOptions model = preset.Model.ToModelOptions(preset.Data.ImageSize);
        Assert.That(model.Vision, Is.EqualTo((ClipModelOptions.SmallCpu.Vision as ConvTowerOptions)! with { MeanPool = true, ImageSize = 48 }));
        Assert.That((preset.Schedule.PretrainSteps, preset.Schedule.Steps), Is.EqualTo((300, 600)), "a shared plain warm-up, then both arms");
        Assert.That(model.Text, Is.EqualTo(ClipModelOptions.SmallCpu.Text));
    }

    [Test]
    public void The_sparse_preset_keeps_the_earlier_default()
    {
        Preset preset = PresetCatalog.Load("concept-world-sparse");
        ConceptWorldOptions world = preset.Data.ToWorldOptions();

        Assert.That((world.ImageSize, world.MinObjects, world.MaxObjects, world.CompleteCaptions), Is.EqualTo((64, 1, 3, false)));
        Assert.That((preset.Rules.SwapShare, preset.Rules.CheckWorld, preset.Schedule.PretrainSteps), Is.EqualTo((0.5, false, 600)));
    }

    [Test]
    public void The_quick_preset_is_smaller_than_the_default()
    {
        Preset quick = PresetCatalog.Load("concept-world-quick");
        Preset full = PresetCatalog.Load(PresetCatalog.DefaultName);

        Assert.That(quick.Schedule.Steps * quick.Schedule.BatchSize, Is.LessThan(full.Schedule.Steps * full.Schedule.BatchSize));
        Assert.That(quick.Data.TrainScenes, Is.LessThan(full.Data.TrainScenes));
        Assert.DoesNotThrow(() => quick.Model.ToModelOptions(quick.Data.ImageSize).Validate());
    }

    [Test]
    public void Values_are_read_from_every_section()
    {
        Preset preset = PresetLoader.Parse("""
            data:
              train-scenes: 50
              positional-caption-share: 0.5
              min-objects: 2
              max-objects: 3
              complete-captions: true
              size-mention-share: 0.25
              shapes: [circle, ring]
              colors: [red, blue, green]
            rules:
              concepts: [color, location]
              k: 3
              mode: replace
              weight: { location: 4 }
              swap-share: 0.75
              ranking-weight: 2
              check-world: true
            model:
              channels: [8, 16]
              coordinate-channels: false
            schedule:
              steps: 12
              lr: 0.01
            evaluation:
              max-test-scenes: 7
            """, "test.yaml");

        Assert.That(preset.Data.TrainScenes, Is.EqualTo(50));
        Assert.That(preset.Data.PositionalCaptionShare, Is.EqualTo(0.5));
        Assert.That(preset.Rules.Concepts, Is.EqualTo(new[] { "color", "location" }));
        Assert.That(preset.Rules.K, Is.EqualTo(3));
        Assert.That(preset.Rules.Mode, Is.EqualTo(HardNegativeMode.Replace));
        Assert.That(preset.Rules.Weight["location"], Is.EqualTo(4));
        Assert.That(preset.Rules.SwapShare, Is.EqualTo(0.75));
        Assert.That(preset.Rules.RankingWeight, Is.EqualTo(2));
        Assert.That(preset.Rules.CheckWorld, Is.True);
        ConceptWorldOptions world = preset.Data.ToWorldOptions();
        Assert.That((world.MinObjects, world.MaxObjects, world.CompleteCaptions, world.SizeMentionShare), Is.EqualTo((2, 3, true, 0.25)));
        Assert.That(preset.Data.ToWorldOptions().Shapes, Is.EqualTo(new[] { ObjectShape.Circle, ObjectShape.Ring }));
        Assert.That(preset.Data.ToWorldOptions().Colors, Is.EqualTo(new[] { ObjectColor.Red, ObjectColor.Blue, ObjectColor.Green }));
        Assert.That(preset.Model.Channels, Is.EqualTo(new[] { 8, 16 }));
        Assert.That(preset.Model.CoordinateChannels, Is.False);
        Assert.That(preset.Schedule.Steps, Is.EqualTo(12));
        Assert.That(preset.Schedule.LearningRate, Is.EqualTo(0.01));
        Assert.That(preset.Evaluation.MaxTestScenes, Is.EqualTo(7));
        Assert.That(preset.Schedule.BatchSize, Is.EqualTo(new SchedulePreset().BatchSize), "unset keys keep their defaults");
    }

    [Test]
    public void An_unknown_key_is_reported_with_file_line_and_the_known_keys()
    {
        var error = Assert.Throws<PresetException>(() => PresetLoader.Parse("schedule:\n  steps: 10\n  stepz: 20\n", "p.yaml"));

        Assert.That(error!.Message, Does.StartWith("p.yaml(3,3): unknown key 'stepz' in 'schedule'"));
        Assert.That(error.Message, Does.Contain("steps, batch-size"));
        Assert.That((error.Line, error.Column), Is.EqualTo((3, 3)));
    }

    [Test]
    public void More_objects_than_a_scene_holds_is_reported_with_the_limit()
    {
        var error = Assert.Throws<PresetException>(() => PresetLoader.Parse("data:\n  max-objects: 5\n", "p.yaml"));

        Assert.That(error!.Message, Does.StartWith("p.yaml(2,16)").And.Contain("1 to 3 objects"));
    }

    [Test]
    public void An_unknown_shape_is_reported_with_the_known_ones()
    {
        var error = Assert.Throws<PresetException>(() => PresetLoader.Parse("data:\n  shapes: [circle, oval]\n", "p.yaml"));

        Assert.That(error!.Message, Does.Contain("p.yaml").And.Contain("oval").And.Contain("pentagon"));
    }

    [Test]
    public void An_unknown_section_is_reported()
    {
        var error = Assert.Throws<PresetException>(() => PresetLoader.Parse("data: {}\noptimizer:\n  lr: 1\n", "p.yaml"));
        Assert.That(error!.Message, Does.StartWith("p.yaml(2,1): unknown key 'optimizer'"));
    }

    [TestCase("schedule:\n  steps: -5\n", "p.yaml(2,10): 'schedule.steps' must be a whole number >= 1; got '-5'.")]
    [TestCase("schedule:\n  steps: many\n", "p.yaml(2,10): 'schedule.steps' must be a whole number >= 1; got 'many'.")]
    [TestCase("rules:\n  mode: prepend\n", "p.yaml(2,9): 'rules.mode' must be one of append, replace; got 'prepend'.")]
    [TestCase("rules:\n  pack: nonesuch\n", "p.yaml(2,9): 'rules.pack' must be one of")]
    [TestCase("data:\n  positional-caption-share: 2\n", "p.yaml(2,29): 'data.positional-caption-share' must be a number between 0 and 1; got '2'.")]
    [TestCase("model:\n  channels: 32\n", "p.yaml(2,13): 'model.channels' must be a list")]
    [TestCase("model:\n  coordinate-channels: maybe\n", "p.yaml(2,24): 'model.coordinate-channels' must be true or false; got 'maybe'.")]
    [TestCase("schedule: 5\n", "p.yaml(1,11): 'schedule' must be a mapping of keys")]
    public void A_bad_value_is_reported_with_its_place(string yaml, string expected)
    {
        var error = Assert.Throws<PresetException>(() => PresetLoader.Parse(yaml, "p.yaml"));
        Assert.That(error!.Message, Does.StartWith(expected));
    }

    [Test]
    public void Malformed_yaml_is_reported_with_its_line()
    {
        var error = Assert.Throws<PresetException>(() => PresetLoader.Parse("schedule:\n  steps: [1, 2\n", "p.yaml"));
        Assert.That(error!.Message, Does.StartWith("p.yaml(").And.Contain("malformed YAML"));
        Assert.That(error.Line, Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public void Overrides_apply_after_the_file_in_order()
    {
        Preset preset = PresetLoader.Parse("schedule:\n  steps: 10\n", "p.yaml",
            ["schedule.steps=20", "rules.concepts=[location]", "schedule.steps=30", "rules.weight={location: 2}"]);

        Assert.That(preset.Schedule.Steps, Is.EqualTo(30));
        Assert.That(preset.Rules.Concepts, Is.EqualTo(new[] { "location" }));
        Assert.That(preset.Rules.Weight["location"], Is.EqualTo(2));
    }

    [Test]
    public void Optimizer_keys_reach_the_trainer_and_default_to_its_own_defaults()
    {
        Preset preset = PresetLoader.Parse("schedule:\n  weight-decay: 0.05\n", "p.yaml", ["schedule.beta2=0.999", "schedule.grad-clip=0"]);

        TrainerOptions options = new PresetRun(preset).TrainerOptions(null);
        Assert.That((options.WeightDecay, options.Beta2, options.GradientClipNorm), Is.EqualTo((0.05, 0.999, 0.0)));
        TrainerOptions defaults = new PresetRun(new Preset()).TrainerOptions(null);
        var trainer = new TrainerOptions();
        Assert.That((defaults.WeightDecay, defaults.Beta2, defaults.GradientClipNorm),
            Is.EqualTo((trainer.WeightDecay, trainer.Beta2, trainer.GradientClipNorm)));
    }

    [TestCase("schedule.stepz=3", "override 'schedule.stepz=3': unknown key 'stepz' in 'schedule'")]
    [TestCase("schedule.beta2=1", "override 'schedule.beta2=1'")]
    [TestCase("schedule.steps=0", "override 'schedule.steps=0'")]
    [TestCase("steps", "override 'steps': an override is section.key=value")]
    public void A_bad_override_names_itself(string entry, string expected)
    {
        var error = Assert.Throws<PresetException>(() => PresetLoader.ApplyOverride(new Preset(), entry));
        Assert.That(error!.Message, Does.StartWith(expected));
    }

    [Test]
    public void A_missing_preset_names_the_built_in_ones()
    {
        var error = Assert.Throws<PresetException>(() => PresetCatalog.Load("no-such-preset"));
        Assert.That(error!.Message, Does.StartWith("no-such-preset").And.Contain("rules/presets").And.Contain("concept-world-quick, concept-world-sparse"));
    }

    [Test]
    public void The_built_in_presets_are_the_files_of_rules_presets_and_load_from_anywhere()
    {
        string folder = Path.Combine(RepositoryFiles.Root, "rules", "presets");
        Assert.That(PresetCatalog.Names, Is.EqualTo(Directory.GetFiles(folder, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)));
        string elsewhere = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = Path.GetTempPath();
            foreach (string name in PresetCatalog.Names)
            {
                Assert.That(PresetCatalog.Load(name), Is.EqualTo(PresetLoader.LoadFile(Path.Combine(folder, name + ".yaml"))).Using<Preset>(SamePreset), name);
            }
        }
        finally
        {
            Environment.CurrentDirectory = elsewhere;
        }
    }

    [Test]
    public void Typed_edits_change_the_preset_as_the_overrides_run_json_records_them()
    {
        var edits = new PresetEdits
        {
            Steps = 7, K = 2, Mode = HardNegativeMode.Replace, Seed = 5, RulesDirectory = "my-rules",
            Overrides = ["schedule.steps=9", "rules.concepts=[color]"],
        };
        Preset typed = edits.ApplyTo(PresetCatalog.Load("concept-world-quick"));
        Preset parsed = PresetCatalog.Load("concept-world-quick", edits.ToOverrides());
        Assert.Multiple(() =>
        {
            Assert.That((typed.Schedule.Steps, typed.Rules.K, typed.Rules.Mode, typed.Schedule.Seed), Is.EqualTo((9, 2, HardNegativeMode.Replace, 5)));
            Assert.That(typed.Rules.Directory, Is.EqualTo(Path.GetFullPath("my-rules")));
            Assert.That(typed, Is.EqualTo(parsed).Using<Preset>(SamePreset));
            Assert.That(PresetEdits.None.ApplyTo(typed), Is.EqualTo(typed).Using<Preset>(SamePreset));
        });
    }

    // Records compare lists by reference: compare the preset as JSON.
    private static bool SamePreset(Preset a, Preset b) =>
        System.Text.Json.JsonSerializer.Serialize(a) == System.Text.Json.JsonSerializer.Serialize(b);
}
