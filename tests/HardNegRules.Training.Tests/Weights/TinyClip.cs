using static TorchSharp.torch;

namespace HardNegRules.Training.Tests.Weights;

/// <summary>
/// A tiny ViT CLIP whose widths all differ (vision 12, text 16, embed 8), so that a missed transpose or a q/k/v slice
/// of the wrong size changes a shape instead of passing unnoticed.
/// </summary>
internal static class TinyClip
{
    public const int VisionWidth = 12;
    public const int TextWidth = 16;
    public const int EmbedDim = 8;
    public const int ContextLength = 8;

    public static ClipModelOptions Options { get; } = new(
        EmbedDim: EmbedDim,
        Vision: new VitTowerOptions(ImageSize: 16, PatchSize: 8, Width: VisionWidth, Layers: 2, Heads: 2),
        Text: new TextTowerOptions(VocabularySize: 50, ContextLength: ContextLength, Width: TextWidth, Heads: 2, Layers: 2),
        Activation: ActivationKind.QuickGelu);

    public static Tensor Images()
    {
        using var generator = new torch.Generator(7);
        return torch.randn([2, 3, 16, 16], generator: generator);
    }

    /// <summary>Two captions; 49 (the vocabulary's highest id) marks each end-of-text position.</summary>
    public static Tensor Tokens() => torch.tensor(new long[]
    {
        3, 17, 5, 49, 0, 0, 0, 0,
        3, 8, 21, 33, 2, 49, 0, 0,
    }, [2, ContextLength]);

    public static int[] Bits(Tensor tensor)
    {
        using Tensor flat = tensor.detach().contiguous().flatten();
        return [.. flat.data<float>().ToArray().Select(BitConverter.SingleToInt32Bits)];
    }
}
