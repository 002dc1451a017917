using HardNegRules.Training.Model;

namespace HardNegRules.Training.Weights;

/// <summary>
/// The name table between Hugging Face's <c>CLIPModel</c> (as in <c>openai/clip-vit-base-patch32</c>) and our
/// <see cref="ClipModel"/> for a ViT image tower. Layer counts come from the options, so any ViT size maps.
/// </summary>
public static class ClipWeightMap
{
    /// <summary>
    /// Buffers older HF checkpoints (the published <c>openai/clip-vit-base-patch32</c> file among them) still contain:
    /// int64 position indices that transformers itself now ignores. They carry no learned values.
    /// </summary>
    public static IReadOnlySet<string> IgnoredHuggingFaceNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "text_model.embeddings.position_ids",
        "vision_model.embeddings.position_ids",
    };

    /// <summary>Builds the table for <paramref name="options"/>.</summary>
    /// <param name="options">The architecture; its image tower must be a ViT.</param>
    /// <returns>One row per HF tensor; fused attention inputs appear in three rows (q, k, v).</returns>
    /// <exception cref="NotSupportedException">The image tower is not a ViT (HF's CLIPModel has no conv tower).</exception>
    public static IReadOnlyList<ClipWeightMapping> For(ClipModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Vision is not VitTowerOptions vit)
        {
            throw new NotSupportedException(
                $"Hugging Face CLIPModel weights need a ViT image tower; this model has {options.Vision.GetType().Name}.");
        }

        var map = new List<ClipWeightMapping>
        {
            //   Hugging Face name                                   our parameter
            Same("logit_scale",                                     "logit_scale"),

            Same("text_model.embeddings.token_embedding.weight",    "text.token_embedding.weight"),
            Same("text_model.embeddings.position_embedding.weight", "text.positional_embedding"),
            Same("text_model.final_layer_norm.weight",              "text.ln_final.weight"),
            Same("text_model.final_layer_norm.bias",                "text.ln_final.bias"),
            Transposed("text_projection.weight",                    "text.text_projection"),

            Same("vision_model.embeddings.class_embedding",         "visual.class_embedding"),
            Same("vision_model.embeddings.patch_embedding.weight",  "visual.conv1.weight"),
            Same("vision_model.embeddings.position_embedding.weight", "visual.positional_embedding"),
            Same("vision_model.pre_layrnorm.weight",                "visual.ln_pre.weight"),   // "layrnorm": HF's spelling
            Same("vision_model.pre_layrnorm.bias",                  "visual.ln_pre.bias"),
            Same("vision_model.post_layernorm.weight",              "visual.ln_post.weight"),
            Same("vision_model.post_layernorm.bias",                "visual.ln_post.bias"),
            Transposed("visual_projection.weight",                  "visual.proj"),
        };
        for (int i = 0; i < options.Text.Layers; i++)
        {
            map.AddRange(Layer($"text_model.encoder.layers.{i}", $"text.transformer.resblocks.{i}"));
        }
        for (int i = 0; i < vit.Layers; i++)
        {
            map.AddRange(Layer($"vision_model.encoder.layers.{i}", $"visual.transformer.resblocks.{i}"));
        }
        return map;
    }

    /// <summary>One transformer block: HF splits the attention input projection that OpenAI (and we) fuse.</summary>
    private static IEnumerable<ClipWeightMapping> Layer(string hf, string ours) =>
    [
        Same($"{hf}.layer_norm1.weight",           $"{ours}.ln_1.weight"),
        Same($"{hf}.layer_norm1.bias",             $"{ours}.ln_1.bias"),
        Part($"{hf}.self_attn.q_proj.weight",      $"{ours}.attn.in_proj.weight", WeightTransform.QueryOfFused),
        Part($"{hf}.self_attn.k_proj.weight",      $"{ours}.attn.in_proj.weight", WeightTransform.KeyOfFused),
        Part($"{hf}.self_attn.v_proj.weight",      $"{ours}.attn.in_proj.weight", WeightTransform.ValueOfFused),
        Part($"{hf}.self_attn.q_proj.bias",        $"{ours}.attn.in_proj.bias", WeightTransform.QueryOfFused),
        Part($"{hf}.self_attn.k_proj.bias",        $"{ours}.attn.in_proj.bias", WeightTransform.KeyOfFused),
        Part($"{hf}.self_attn.v_proj.bias",        $"{ours}.attn.in_proj.bias", WeightTransform.ValueOfFused),
        Same($"{hf}.self_attn.out_proj.weight",    $"{ours}.attn.out_proj.weight"),
        Same($"{hf}.self_attn.out_proj.bias",      $"{ours}.attn.out_proj.bias"),
        Same($"{hf}.layer_norm2.weight",           $"{ours}.ln_2.weight"),
        Same($"{hf}.layer_norm2.bias",             $"{ours}.ln_2.bias"),
        Same($"{hf}.mlp.fc1.weight",               $"{ours}.mlp.c_fc.weight"),
        Same($"{hf}.mlp.fc1.bias",                 $"{ours}.mlp.c_fc.bias"),
        Same($"{hf}.mlp.fc2.weight",               $"{ours}.mlp.c_proj.weight"),
        Same($"{hf}.mlp.fc2.bias",                 $"{ours}.mlp.c_proj.bias"),
    ];

    private static ClipWeightMapping Same(string hf, string ours) => new(hf, ours, WeightTransform.Identity);

    private static ClipWeightMapping Transposed(string hf, string ours) => new(hf, ours, WeightTransform.Transpose);

    private static ClipWeightMapping Part(string hf, string ours, WeightTransform part) => new(hf, ours, part);
}
