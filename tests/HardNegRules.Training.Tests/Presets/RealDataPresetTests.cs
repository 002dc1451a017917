using HardNegRules.Training.Presets;

namespace HardNegRules.Training.Tests.Presets;

public class RealDataPresetTests
{
    [Test]
    public void The_coco_preset_is_vit_b32_at_224_on_the_default_pack_with_its_four_concepts()
    {
        Preset coco = PresetCatalog.Load("coco");

        Assert.That(coco.Data.Source, Is.EqualTo(DataPreset.Coco));
        Assert.That(coco.Data.IsConceptWorld, Is.False);
        Assert.That((coco.Data.Captions, coco.Data.Images, coco.Model.Weights), Is.EqualTo(((string?)null, (string?)null, (string?)null)));
        Assert.That(coco.Data.ImageSize, Is.EqualTo(224));
        Assert.That(coco.Rules.Pack, Is.EqualTo("default"));
        Assert.That(coco.Rules.Concepts, Is.EquivalentTo(new[] { "color", "object", "location", "size" }));
        Assert.That(coco.Model.ToModelOptions(coco.Data.ImageSize), Is.EqualTo(ClipModelOptions.VitB32));
    }

    [Test]
    public void The_fashion200k_preset_adapts_with_its_own_pack()
    {
        Preset fashion = PresetCatalog.Load("fashion200k");

        Assert.That(fashion.Data.Source, Is.EqualTo(DataPreset.Fashion200K));
        Assert.That(fashion.Rules.Pack, Is.EqualTo("fashion200k"));
        Assert.That(fashion.Model.Vision, Is.EqualTo("vit-b32"));
        Assert.That(fashion.Data.HeldOut, Is.EqualTo("auto"));
    }

    [Test]
    public void Real_data_keys_are_overridden_like_any_other()
    {
        Preset preset = PresetCatalog.Load("coco",
        [
            "data.captions=a/captions.json", "data.images=/data/train2017", "data.max-samples=500",
            "data.held-out=fraction", "data.validation-fraction=0.2", "model.weights=w/model.safetensors",
        ]);

        Assert.That(preset.Data.Captions, Is.EqualTo("a/captions.json"));
        Assert.That(preset.Data.Images, Is.EqualTo("/data/train2017"));
        Assert.That(preset.Data.MaxSamples, Is.EqualTo(500));
        Assert.That(preset.Data.HeldOut, Is.EqualTo("fraction"));
        Assert.That(preset.Data.ValidationFraction, Is.EqualTo(0.2));
        Assert.That(preset.Model.Weights, Is.EqualTo("w/model.safetensors"));
    }

    [Test]
    public void World_concept_world_still_means_the_generated_world()
    {
        Preset preset = PresetLoader.Parse("data:\n  world: concept-world\n  train-scenes: 5\n", "p.yaml", defaults: PresetCatalog.Load("coco"));

        Assert.That(preset.Data.IsConceptWorld, Is.True);
        Assert.That(PresetCatalog.Load(PresetCatalog.DefaultName).Data.Source, Is.EqualTo(DataPreset.ConceptWorld));
    }

    [Test]
    public void A_bad_source_or_split_is_reported_with_the_accepted_values()
    {
        var source = Assert.Throws<PresetException>(() => PresetLoader.Parse("data:\n  source: imagenet\n", "p.yaml"));
        Assert.That(source!.Message, Does.StartWith("p.yaml(2,11): 'data.source' must be one of concept-world, coco, karpathy, fashion200k, csv, tsv, jsonl, image-folder, negclip, inpaintcoco"));

        var split = Assert.Throws<PresetException>(() => PresetLoader.ApplyOverride(new Preset(), "data.held-out=dev"));
        Assert.That(split!.Message, Does.Contain("'data.held-out' must be one of auto, file, fraction"));
    }

    [Test]
    public void Path_overrides_are_made_absolute_for_the_run_manifest_and_others_are_kept()
    {
        List<string> absolute = PresetPaths.Absolute(["data.captions=c.json", "schedule.steps=3", "model.weights=~", "data.images=/abs/imgs"]);

        Assert.That(absolute, Is.EqualTo(new[]
        {
            $"data.captions={Path.GetFullPath("c.json")}", "schedule.steps=3", "model.weights=~", "data.images=/abs/imgs",
        }));
    }
}
