using System.Text.Json;
using HardNegRules.Data.IO;
using HardNegRules.Training.Model;

namespace HardNegRules.Training.Weights;

/// <summary>
/// Writes the <c>config.json</c> that transformers' <c>CLIPModel.from_pretrained</c> reads next to
/// <c>model.safetensors</c>, derived from <see cref="ClipModelOptions"/> so that it always matches the saved shapes.
/// </summary>
public static class HuggingFaceClipConfig
{
    /// <summary>LayerNorm epsilon: TorchSharp's default, which is also CLIP's and transformers' 1e-5.</summary>
    private const double LayerNormEpsilon = 1e-5;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Builds the configuration JSON.</summary>
    /// <param name="options">The architecture; its image tower must be a ViT.</param>
    /// <returns>Indented UTF-8 JSON text.</returns>
    public static string ToJson(ClipModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Vision is not VitTowerOptions vit)
        {
            throw new NotSupportedException(
                $"Hugging Face CLIPModel needs a ViT image tower; this model has {options.Vision.GetType().Name}.");
        }
        string activation = options.Activation == ActivationKind.QuickGelu ? "quick_gelu" : "gelu";
        var config = new Dictionary<string, object>
        {
            ["architectures"] = new[] { "CLIPModel" },
            ["model_type"] = "clip",
            ["projection_dim"] = options.EmbedDim,
            ["logit_scale_init_value"] = ClipModelOptions.InitialLogitScale,
            ["torch_dtype"] = "float32",
            ["text_config"] = new Dictionary<string, object>
            {
                ["model_type"] = "clip_text_model",
                ["vocab_size"] = options.Text.VocabularySize,
                ["max_position_embeddings"] = options.Text.ContextLength,
                ["hidden_size"] = options.Text.Width,
                ["intermediate_size"] = 4 * options.Text.Width,
                ["num_hidden_layers"] = options.Text.Layers,
                ["num_attention_heads"] = options.Text.Heads,
                ["hidden_act"] = activation,
                ["layer_norm_eps"] = LayerNormEpsilon,
                ["projection_dim"] = options.EmbedDim,
                // openai/clip-vit-base-patch32's own values. eos_token_id 2 makes transformers pool the text at the
                // highest token id (its legacy path), which is exactly what our text tower does by default.
                ["bos_token_id"] = 0,
                ["eos_token_id"] = 2,
                ["pad_token_id"] = 1,
            },
            ["vision_config"] = new Dictionary<string, object>
            {
                ["model_type"] = "clip_vision_model",
                ["image_size"] = vit.ImageSize,
                ["patch_size"] = vit.PatchSize,
                ["num_channels"] = 3,
                ["hidden_size"] = vit.Width,
                ["intermediate_size"] = 4 * vit.Width,
                ["num_hidden_layers"] = vit.Layers,
                ["num_attention_heads"] = vit.Heads,
                ["hidden_act"] = activation,
                ["layer_norm_eps"] = LayerNormEpsilon,
                ["projection_dim"] = options.EmbedDim,
            },
        };
        return JsonSerializer.Serialize(config, Indented);
    }

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="path"/>, atomically.</summary>
    /// <param name="options">The architecture; its image tower must be a ViT.</param>
    /// <param name="path">Usually <c>config.json</c> next to <c>model.safetensors</c>.</param>
    public static void Write(ClipModelOptions options, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] json = System.Text.Encoding.UTF8.GetBytes(ToJson(options));
        AtomicFile.Write(path, stream => stream.Write(json));
    }
}
