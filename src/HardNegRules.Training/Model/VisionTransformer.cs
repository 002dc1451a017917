using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HardNegRules.Training.Model;

/// <summary>
/// CLIP's image tower: patchify with a strided convolution, prepend a class token, add positional embeddings, ln_pre,
/// transformer, ln_post on the class token, then project to the embedding space.
/// </summary>
internal sealed class VisionTransformer : nn.Module<Tensor, Tensor>
{
    // Field names become state-dict keys (RegisterComponents). They follow OpenAI CLIP's names so that loading its
    // weights is a small key mapping (text tower under "text.", in_proj_weight -> in_proj.weight), not a redesign.
    private readonly Conv2d conv1;
    private readonly Parameter class_embedding;
    private readonly Parameter positional_embedding;
    private readonly LayerNorm ln_pre;
    private readonly Transformer transformer;
    private readonly LayerNorm ln_post;
    private readonly Parameter proj;
    private readonly int width;

    public VisionTransformer(VitTowerOptions options, int embedDim, ActivationKind activation)
        : base(nameof(VisionTransformer))
    {
        width = options.Width;
        double scale = Math.Pow(width, -0.5);
        int tokens = options.GridSize * options.GridSize + 1;
        conv1 = nn.Conv2d(3, width, kernel_size: options.PatchSize, stride: options.PatchSize, bias: false);
        class_embedding = nn.Parameter(torch.randn(width) * scale);
        positional_embedding = nn.Parameter(torch.randn(tokens, width) * scale);
        ln_pre = nn.LayerNorm(width);
        transformer = new Transformer(width, options.Layers, options.Heads, activation);
        ln_post = nn.LayerNorm(width);
        proj = nn.Parameter(torch.randn(width, embedDim) * scale);
        transformer.Initialize(width, options.Layers);
        RegisterComponents();
    }

    /// <param name="images">[batch, 3, size, size], normalised.</param>
    /// <returns>[batch, embedDim], not normalised.</returns>
    public override Tensor forward(Tensor images)
    {
        long batch = images.shape[0];
        using Tensor patches = conv1.forward(images);                             // [B, W, g, g]
        using Tensor sequence = patches.flatten(2).transpose(1, 2);               // [B, g*g, W]
        using Tensor classToken = class_embedding.view(1, 1, width).expand(batch, 1, width);
        using Tensor withClass = torch.cat([classToken, sequence], 1);           // [B, g*g+1, W]
        using Tensor positioned = withClass + positional_embedding;
        using Tensor normed = ln_pre.forward(positioned);
        using Tensor encoded = transformer.forward(normed, null);
        using Tensor classOut = encoded.select(1, 0);
        using Tensor pooled = ln_post.forward(classOut);
        return pooled.matmul(proj);
    }
}
