namespace HardNegRules.Training.Model;

/// <summary>Configuration of a <see cref="ClipModel"/>.</summary>
/// <param name="EmbedDim">Dimension of the joint image-text embedding space.</param>
/// <param name="Vision">The image tower.</param>
/// <param name="Text">The text tower.</param>
/// <param name="Activation">The MLP non-linearity of both transformers.</param>
public sealed record ClipModelOptions(int EmbedDim, VisionTowerOptions Vision, TextTowerOptions Text,
    ActivationKind Activation = ActivationKind.Gelu)
{
    /// <summary>Initial logit scale before <c>exp</c>: ln(1/0.07), CLIP's initial temperature.</summary>
    public static readonly double InitialLogitScale = Math.Log(1 / 0.07);

    /// <summary>The largest logit scale after <c>exp</c>: CLIP clamps at 100 so training stays stable.</summary>
    public const double MaxLogitScale = 100;

    /// <summary>CLIP's text shape: BPE vocabulary of 49408 ids, 77 tokens.</summary>
    public const int ClipVocabularySize = 49408;

    /// <summary>CLIP's caption length in tokens.</summary>
    public const int ClipContextLength = 77;

    /// <summary>OpenAI CLIP ViT-B/32, exactly (about 151 M parameters).</summary>
    public static ClipModelOptions VitB32 { get; } = new(
        EmbedDim: 512,
        Vision: new VitTowerOptions(ImageSize: 224, PatchSize: 32, Width: 768, Layers: 12, Heads: 12),
        Text: new TextTowerOptions(ClipVocabularySize, ClipContextLength, Width: 512, Heads: 8, Layers: 12),
        Activation: ActivationKind.QuickGelu);

    /// <summary>
    /// A small model that trains on two CPU cores in minutes: 64x64 images through a 4-stage conv tower with coordinate
    /// channels (4x4 final map, flattened), a 2-layer text transformer of width 128 over CLIP's vocabulary, embed 128.
    /// </summary>
    public static ClipModelOptions SmallCpu { get; } = new(
        EmbedDim: 128,
        Vision: new ConvTowerOptions(ImageSize: 64, Channels: [32, 64, 128, 128], CoordinateChannels: true),
        Text: new TextTowerOptions(ClipVocabularySize, ClipContextLength, Width: 128, Heads: 4, Layers: 2));

    /// <summary>A tiny ViT variant of <see cref="SmallCpu"/> (patch 8 on 64x64 images), for comparisons.</summary>
    public static ClipModelOptions SmallVit { get; } = SmallCpu with
    {
        Vision = new VitTowerOptions(ImageSize: 64, PatchSize: 8, Width: 128, Layers: 2, Heads: 4),
    };

    /// <summary>Throws <see cref="ArgumentException"/> when the options do not describe a valid model.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(EmbedDim, 1);
        ArgumentNullException.ThrowIfNull(Vision);
        ArgumentNullException.ThrowIfNull(Text);
        Vision.Validate();
        Text.Validate();
    }
}
