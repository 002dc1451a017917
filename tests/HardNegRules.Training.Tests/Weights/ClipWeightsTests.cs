using HardNegRules.Training.Weights;
using static TorchSharp.torch;

namespace HardNegRules.Training.Tests.Weights;

public sealed class ClipWeightsTests : TorchTestBase
{
    [Test]
    public void A_file_in_HF_layout_loads_bitwise_and_encodes_identically()
    {
        using var scratch = new TempDirectory();
        using var source = new ClipModel(TinyClip.Options, seed: 1);
        string path = scratch.File("model.safetensors");
        HuggingFaceLayout.Write(HuggingFaceLayout.From(source), path);
        using var target = new ClipModel(TinyClip.Options, seed: 2);

        ClipWeights.LoadHuggingFace(target, path);

        AssertSameParameters(target, source);
        AssertSameEncodings(target, source);
    }

    [Test]
    public void Saved_files_use_HF_names_and_layouts_and_load_back_exactly()
    {
        using var scratch = new TempDirectory();
        using var source = new ClipModel(TinyClip.Options, seed: 3);
        string path = scratch.File("saved.safetensors");

        ClipWeights.SaveHuggingFace(source, path);
        using var target = new ClipModel(TinyClip.Options, seed: 4);
        ClipWeights.LoadHuggingFace(target, path);

        var expected = HuggingFaceLayout.From(source);
        using (SafetensorsReader reader = SafetensorsReader.Open(path))
        {
            Assert.That(reader.Tensors.Keys, Is.EquivalentTo(expected.Keys));
            Assert.That(reader.Metadata["format"], Is.EqualTo("pt"));
            Assert.Multiple(() =>
            {
                foreach ((string name, (long[] shape, float[] data)) in expected)
                {
                    Assert.That(reader.Tensors[name].Shape, Is.EqualTo(shape), name);
                    Assert.That(reader.ReadFloat32(name), Is.EqualTo(data), name);
                }
            });
        }
        AssertSameParameters(target, source);
        AssertSameEncodings(target, source);
    }

    [Test]
    public void Known_values_land_in_the_fused_projection_and_the_transposed_projections()
    {
        using var scratch = new TempDirectory();
        using var model = new ClipModel(TinyClip.Options, seed: 5);
        var tensors = HuggingFaceLayout.From(model);
        const int w = TinyClip.TextWidth;
        const int e = TinyClip.EmbedDim;
        const string layer = "text_model.encoder.layers.1.self_attn.";
        tensors[layer + "q_proj.weight"] = ([w, w], Filled(w * w, 1f));
        tensors[layer + "k_proj.weight"] = ([w, w], Filled(w * w, 2f));
        tensors[layer + "v_proj.weight"] = ([w, w], Filled(w * w, 3f));
        tensors[layer + "q_proj.bias"] = ([w], Filled(w, 4f));
        tensors[layer + "k_proj.bias"] = ([w], Filled(w, 5f));
        tensors[layer + "v_proj.bias"] = ([w], Filled(w, 6f));
        // HF projection [embed, width] with value 100 * row + column: a transpose mix-up cannot go unseen.
        tensors["text_projection.weight"] = ([e, w], [.. Enumerable.Range(0, e * w).Select(i => 100f * (i / w) + i % w)]);
        string path = scratch.File("known.safetensors");
        HuggingFaceLayout.Write(tensors, path);

        ClipWeights.LoadHuggingFace(model, path);

        var state = model.state_dict();
        Tensor inProj = state["text.transformer.resblocks.1.attn.in_proj.weight"];
        Tensor inBias = state["text.transformer.resblocks.1.attn.in_proj.bias"];
        Tensor projection = state["text.text_projection"];
        Assert.Multiple(() =>
        {
            Assert.That(inProj.shape, Is.EqualTo(new long[] { 3 * w, w }));
            Assert.That(Values(inProj.narrow(0, 0, w)), Is.All.EqualTo(1f));
            Assert.That(Values(inProj.narrow(0, w, w)), Is.All.EqualTo(2f));
            Assert.That(Values(inProj.narrow(0, 2 * w, w)), Is.All.EqualTo(3f));
            Assert.That(Values(inBias), Is.EqualTo(Filled(w, 4f).Concat(Filled(w, 5f)).Concat(Filled(w, 6f))));
            Assert.That(projection.shape, Is.EqualTo(new long[] { w, e }));
            Assert.That(projection[3, 5].item<float>(), Is.EqualTo(100f * 5 + 3), "ours[width 3, embed 5] = HF[5, 3]");
            Assert.That(projection[15, 0].item<float>(), Is.EqualTo(15f));
        });
    }

    [Test]
    public void A_renamed_tensor_is_reported_as_missing_and_unexpected_and_nothing_is_loaded()
    {
        using var scratch = new TempDirectory();
        using var source = new ClipModel(TinyClip.Options, seed: 6);
        var tensors = HuggingFaceLayout.From(source);
        tensors["text_model.final_layernorm.weight"] = tensors["text_model.final_layer_norm.weight"];
        tensors.Remove("text_model.final_layer_norm.weight");
        string path = scratch.File("renamed.safetensors");
        HuggingFaceLayout.Write(tensors, path);
        using var target = new ClipModel(TinyClip.Options, seed: 7);
        int[] before = TinyClip.Bits(target.state_dict()["text.token_embedding.weight"]);

        Assert.That(() => ClipWeights.LoadHuggingFace(target, path), Throws.InstanceOf<InvalidDataException>()
            .With.Message.Contains("missing 'text_model.final_layer_norm.weight' (for text.ln_final.weight, expected shape [16])")
            .And.Message.Contains("unexpected 'text_model.final_layernorm.weight' (shape [16])"));
        Assert.That(TinyClip.Bits(target.state_dict()["text.token_embedding.weight"]), Is.EqualTo(before));
    }

    [Test]
    public void A_wrong_shape_names_the_tensor_the_parameter_and_both_shapes()
    {
        using var scratch = new TempDirectory();
        using var source = new ClipModel(TinyClip.Options, seed: 8);
        var tensors = HuggingFaceLayout.From(source);
        // OpenAI's orientation [width, embed] where HF (and so the file) must hold [embed, width].
        tensors["visual_projection.weight"] = ([TinyClip.VisionWidth, TinyClip.EmbedDim],
            tensors["visual_projection.weight"].Data);
        string path = scratch.File("shape.safetensors");
        HuggingFaceLayout.Write(tensors, path);
        using var target = new ClipModel(TinyClip.Options, seed: 9);

        Assert.That(() => ClipWeights.LoadHuggingFace(target, path), Throws.InstanceOf<InvalidDataException>()
            .With.Message.Contains("'visual_projection.weight' has shape [12, 8] in the file but visual.proj needs [8, 12]"));
    }

    [Test]
    public void The_legacy_position_ids_buffers_of_published_checkpoints_are_ignored()
    {
        using var scratch = new TempDirectory();
        using var source = new ClipModel(TinyClip.Options, seed: 10);
        var tensors = HuggingFaceLayout.From(source);
        tensors["text_model.embeddings.position_ids"] = ([1, TinyClip.ContextLength], new float[TinyClip.ContextLength]);
        tensors["vision_model.embeddings.position_ids"] = ([1, 5], new float[5]);
        string path = scratch.File("legacy.safetensors");
        HuggingFaceLayout.Write(tensors, path);
        using var target = new ClipModel(TinyClip.Options, seed: 11);

        ClipWeights.LoadHuggingFace(target, path);

        AssertSameParameters(target, source);
    }

    [Test]
    public void The_directory_form_writes_weights_and_a_matching_config_and_loads_back()
    {
        using var scratch = new TempDirectory();
        using var source = new ClipModel(TinyClip.Options, seed: 12);

        ClipWeights.SaveHuggingFaceDirectory(source, scratch.Path);
        using var target = new ClipModel(TinyClip.Options, seed: 13);
        ClipWeights.LoadHuggingFace(target, scratch.Path);

        AssertSameParameters(target, source);
        Assert.That(File.ReadAllText(scratch.File(ClipWeights.ConfigFileName)), Does.Contain("\"hidden_size\": 12"));
    }

    [Test]
    public void A_conv_image_tower_has_no_HF_layout()
    {
        using var scratch = new TempDirectory();
        using var model = new ClipModel(ClipModelOptions.SmallCpu);

        Assert.That(() => ClipWeights.SaveHuggingFace(model, scratch.File("conv.safetensors")),
            Throws.InstanceOf<NotSupportedException>().With.Message.Contains("ViT"));
    }

    private static float[] Filled(int count, float value) => Enumerable.Repeat(value, count).ToArray();

    private static float[] Values(Tensor tensor)
    {
        using Tensor flat = tensor.detach().contiguous().flatten();
        return flat.data<float>().ToArray();
    }

    private static void AssertSameParameters(ClipModel actual, ClipModel expected)
    {
        var expectedState = expected.state_dict();
        Assert.Multiple(() =>
        {
            foreach ((string name, Tensor value) in actual.state_dict())
            {
                Assert.That(TinyClip.Bits(value), Is.EqualTo(TinyClip.Bits(expectedState[name])), name);
            }
        });
    }

    private static void AssertSameEncodings(ClipModel actual, ClipModel expected)
    {
        using var noGrad = torch.no_grad();
        Tensor images = TinyClip.Images();
        Tensor tokens = TinyClip.Tokens();
        Assert.Multiple(() =>
        {
            Assert.That(TinyClip.Bits(actual.EncodeImage(images)), Is.EqualTo(TinyClip.Bits(expected.EncodeImage(images))));
            Assert.That(TinyClip.Bits(actual.EncodeText(tokens)), Is.EqualTo(TinyClip.Bits(expected.EncodeText(tokens))));
        });
    }
}
