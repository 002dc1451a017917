using System.Text.Json;
using HardNegRules.Training.Weights;

namespace HardNegRules.Training.Tests.Weights;

public sealed class ClipWeightMapTests : TorchTestBase
{
    [Test]
    public void The_table_covers_every_parameter_and_names_each_HF_tensor_once()
    {
        using var model = new ClipModel(TinyClip.Options);
        var map = ClipWeightMap.For(TinyClip.Options);

        Assert.Multiple(() =>
        {
            Assert.That(map.Select(m => m.ParameterName).Distinct(),
                Is.EquivalentTo(model.named_parameters().Select(p => p.name)));
            Assert.That(map.Select(m => m.HuggingFaceName), Is.Unique);
            Assert.That(map.Select(m => m.HuggingFaceName), Is.EquivalentTo(HuggingFaceLayout.From(model).Keys));
        });
    }

    [Test]
    public void ViT_B_32_maps_398_HF_tensors_with_the_published_names()
    {
        // 14 outside the encoders + 16 per block over 12 + 12 blocks; the published file adds two position_ids buffers.
        var names = ClipWeightMap.For(ClipModelOptions.VitB32).Select(m => m.HuggingFaceName).ToList();

        Assert.That(names, Has.Count.EqualTo(398));
        Assert.That(names, Is.SupersetOf(new[]
        {
            "vision_model.pre_layrnorm.weight", "vision_model.encoder.layers.11.self_attn.v_proj.bias",
            "text_model.encoder.layers.11.mlp.fc2.weight", "visual_projection.weight", "text_projection.weight",
            "logit_scale", "vision_model.embeddings.patch_embedding.weight",
        }));
    }

    [Test]
    public void The_config_describes_ViT_B_32_as_transformers_expects()
    {
        using JsonDocument config = JsonDocument.Parse(HuggingFaceClipConfig.ToJson(ClipModelOptions.VitB32));
        JsonElement root = config.RootElement;
        JsonElement text = root.GetProperty("text_config");
        JsonElement vision = root.GetProperty("vision_config");

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("model_type").GetString(), Is.EqualTo("clip"));
            Assert.That(root.GetProperty("projection_dim").GetInt32(), Is.EqualTo(512));
            Assert.That(text.GetProperty("hidden_size").GetInt32(), Is.EqualTo(512));
            Assert.That(text.GetProperty("intermediate_size").GetInt32(), Is.EqualTo(2048));
            Assert.That(text.GetProperty("num_attention_heads").GetInt32(), Is.EqualTo(8));
            Assert.That(text.GetProperty("max_position_embeddings").GetInt32(), Is.EqualTo(77));
            Assert.That(text.GetProperty("vocab_size").GetInt32(), Is.EqualTo(49408));
            Assert.That(text.GetProperty("hidden_act").GetString(), Is.EqualTo("quick_gelu"));
            Assert.That(vision.GetProperty("hidden_size").GetInt32(), Is.EqualTo(768));
            Assert.That(vision.GetProperty("intermediate_size").GetInt32(), Is.EqualTo(3072));
            Assert.That(vision.GetProperty("patch_size").GetInt32(), Is.EqualTo(32));
            Assert.That(vision.GetProperty("image_size").GetInt32(), Is.EqualTo(224));
            Assert.That(vision.GetProperty("num_hidden_layers").GetInt32(), Is.EqualTo(12));
        });
    }
}
