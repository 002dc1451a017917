using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace HardNegRules.Training.Model;

/// <summary>
/// CLIP's image tower: patchify with a strided convolution, prepend a class token, add positional embeddings, ln_pre,
/// transformer, ln_post on the class token, then project to the embedding space.
/// </summary>
internal sealed class VisionTransformer : nn.Module<Tensor, Tensor>
{
    // State-dict keys: CLIP's names, given by [ComponentName] (see ClipModel).
    [ComponentName(Name = "conv1")] private readonly Conv2d _conv1;
    [ComponentName(Name = "class_embedding")] private readonly Parameter _classEmbedding;
    [ComponentName(Name = "positional_embedding")] private readonly Parameter _positionalEmbedding;
    [ComponentName(Name = "ln_pre")] private readonly LayerNorm _lnPre;
    [ComponentName(Name = "transformer")] private readonly Transformer _transformer;
    [ComponentName(Name = "ln_post")] private readonly LayerNorm _lnPost;
    [ComponentName(Name = "proj")] private readonly Parameter _proj;
    private readonly int _width;

    public VisionTransformer(VitTowerOptions options, int embedDim, ActivationKind activation)
        : base(nameof(VisionTransformer))
    {
        _width = options.Width;
        double scale = Math.Pow(_width, -0.5);
        int tokens = options.GridSize * options.GridSize + 1;
        _conv1 = nn.Conv2d(3, _width, kernel_size: options.PatchSize, stride: options.PatchSize, bias: false);
        _classEmbedding = nn.Parameter(torch.randn(_width) * scale);
        _positionalEmbedding = nn.Parameter(torch.randn(tokens, _width) * scale);
        _lnPre = nn.LayerNorm(_width);
        _transformer = new Transformer(_width, options.Layers, options.Heads, activation);
        _lnPost = nn.LayerNorm(_width);
        _proj = nn.Parameter(torch.randn(_width, embedDim) * scale);
        _transformer.Initialize(_width, options.Layers);
        RegisterComponents();
    }

    /// <param name="images">[batch, 3, size, size], normalised.</param>
    /// <returns>[batch, embedDim], not normalised.</returns>
    public override Tensor forward(Tensor images)
    {
        long batch = images.shape[0];
        using Tensor patches = _conv1.forward(images);                             // [B, W, g, g]
        using Tensor sequence = patches.flatten(2).transpose(1, 2);               // [B, g*g, W]
        using Tensor classToken = _classEmbedding.view(1, 1, _width).expand(batch, 1, _width);
        using Tensor withClass = torch.cat([classToken, sequence], 1);           // [B, g*g+1, W]
        using Tensor positioned = withClass + _positionalEmbedding;
        using Tensor normed = _lnPre.forward(positioned);
        using Tensor encoded = _transformer.forward(normed, null);
        using Tensor classOut = encoded.select(1, 0);
        using Tensor pooled = _lnPost.forward(classOut);
        return pooled.matmul(_proj);
    }
}
