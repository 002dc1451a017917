using HardNegRules.Training.Weights;
using static TorchSharp.torch;

namespace HardNegRules.Training.Tests.Weights;

/// <summary>
/// The test's own conversion of a model's OpenAI-layout state dict into HF CLIPModel tensors: string rewriting, chunking
/// and transposing, written independently of <see cref="ClipWeightMap"/> so that the two can check each other.
/// </summary>
internal static class HuggingFaceLayout
{
    private static readonly (string Ours, string Hf)[] Renames =
    [
        ("text.transformer.resblocks.", "text_model.encoder.layers."),
        ("visual.transformer.resblocks.", "vision_model.encoder.layers."),
        (".ln_1.", ".layer_norm1."),
        (".ln_2.", ".layer_norm2."),
        (".attn.", ".self_attn."),
        (".mlp.c_fc.", ".mlp.fc1."),
        (".mlp.c_proj.", ".mlp.fc2."),
        ("text.token_embedding.", "text_model.embeddings.token_embedding."),
        ("text.positional_embedding", "text_model.embeddings.position_embedding.weight"),
        ("text.ln_final.", "text_model.final_layer_norm."),
        ("visual.conv1.", "vision_model.embeddings.patch_embedding."),
        ("visual.class_embedding", "vision_model.embeddings.class_embedding"),
        ("visual.positional_embedding", "vision_model.embeddings.position_embedding.weight"),
        ("visual.ln_pre.", "vision_model.pre_layrnorm."),
        ("visual.ln_post.", "vision_model.post_layernorm."),
    ];

    public static Dictionary<string, (long[] Shape, float[] Data)> From(ClipModel model)
    {
        var tensors = new Dictionary<string, (long[] Shape, float[] Data)>(StringComparer.Ordinal);
        foreach ((string name, Tensor value) in model.state_dict())
        {
            Tensor tensor = value.detach();
            if (name is "text.text_projection" or "visual.proj")
            {
                Add(tensors, name == "visual.proj" ? "visual_projection.weight" : "text_projection.weight", tensor.t());
            }
            else if (name.Contains(".attn.in_proj.", StringComparison.Ordinal))
            {
                string hf = Rename(name);
                Tensor[] parts = tensor.chunk(3, 0);
                Add(tensors, hf.Replace(".in_proj.", ".q_proj.", StringComparison.Ordinal), parts[0]);
                Add(tensors, hf.Replace(".in_proj.", ".k_proj.", StringComparison.Ordinal), parts[1]);
                Add(tensors, hf.Replace(".in_proj.", ".v_proj.", StringComparison.Ordinal), parts[2]);
            }
            else
            {
                Add(tensors, Rename(name), tensor);
            }
        }
        return tensors;
    }

    public static void Write(Dictionary<string, (long[] Shape, float[] Data)> tensors, string path)
    {
        using var stream = File.Create(path);
        SafetensorsWriter.Write(stream,
            [.. tensors.Select(t => SafetensorsTensorSource.FromArray(t.Key, t.Value.Shape, t.Value.Data))],
            new Dictionary<string, string> { ["format"] = "pt" });
    }

    private static string Rename(string name) =>
        Renames.Aggregate(name, (current, rule) => current.Replace(rule.Ours, rule.Hf, StringComparison.Ordinal));

    private static void Add(Dictionary<string, (long[] Shape, float[] Data)> tensors, string name, Tensor tensor)
    {
        using Tensor contiguous = tensor.contiguous();
        tensors.Add(name, (contiguous.shape, contiguous.data<float>().ToArray()));
    }
}
