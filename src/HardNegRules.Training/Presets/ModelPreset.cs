using HardNegRules.Training.Model;

namespace HardNegRules.Training.Presets;

/// <summary>The <c>model:</c> section: the architecture of the CLIP model.</summary>
public sealed record ModelPreset
{
    /// <summary><c>conv</c> (the small conv tower), <c>vit</c> (a small ViT) or <c>vit-b32</c> (OpenAI's ViT-B/32).</summary>
    public string Vision { get; init; } = "conv";

    /// <summary>Joint embedding dimension.</summary>
    public int EmbedDim { get; init; } = 128;

    /// <summary>Conv tower: output channels of each stride-2 stage.</summary>
    public IReadOnlyList<int> Channels { get; init; } = [32, 64, 128, 128];

    /// <summary>Conv tower: add x/y coordinate channels (what lets the small tower learn position; see docs/experiment.md).</summary>
    public bool CoordinateChannels { get; init; } = true;

    /// <summary>Conv tower: also project the final map's mean over positions (see <see cref="ConvTowerOptions.MeanPool"/>).</summary>
    public bool MeanPool { get; init; }

    /// <summary>ViT: patch side.</summary>
    public int PatchSize { get; init; } = 8;

    /// <summary>ViT: width.</summary>
    public int VisionWidth { get; init; } = 128;

    /// <summary>ViT: layers.</summary>
    public int VisionLayers { get; init; } = 2;

    /// <summary>ViT: heads.</summary>
    public int VisionHeads { get; init; } = 4;

    /// <summary>Text transformer width.</summary>
    public int TextWidth { get; init; } = 128;

    /// <summary>Text transformer layers.</summary>
    public int TextLayers { get; init; } = 2;

    /// <summary>Text transformer heads.</summary>
    public int TextHeads { get; init; } = 4;

    /// <summary>Hugging Face CLIP weights (<c>model.safetensors</c>, or a folder holding it) to start from; null
    /// starts from a random initialisation. Needs a ViT tower of the file's shape (<c>vit-b32</c> for
    /// openai/clip-vit-base-patch32).</summary>
    public string? Weights { get; init; }

    /// <summary>The vision tower names a preset may use.</summary>
    public static IReadOnlyList<string> VisionNames { get; } = ["conv", "vit", "vit-b32"];

    /// <summary>The model's options for images of <paramref name="imageSize"/> pixels, over CLIP's tokenizer.</summary>
    /// <param name="imageSize">The data's image side (ignored by <c>vit-b32</c>, which is 224).</param>
    /// <returns>The options (validated when the model is built).</returns>
    public ClipModelOptions ToModelOptions(int imageSize)
    {
        if (Vision == "vit-b32")
        {
            return ClipModelOptions.VitB32;
        }
        VisionTowerOptions vision = Vision == "vit"
            ? new VitTowerOptions(imageSize, PatchSize, VisionWidth, VisionLayers, VisionHeads)
            : new ConvTowerOptions(imageSize, Channels, CoordinateChannels, MeanPool);
        var text = new TextTowerOptions(ClipModelOptions.ClipVocabularySize, ClipModelOptions.ClipContextLength,
            TextWidth, TextHeads, TextLayers);
        return new ClipModelOptions(EmbedDim, vision, text);
    }
}
