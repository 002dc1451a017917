using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace HardNegRules.Training.Model;

/// <summary>A stack of <see cref="ResidualAttentionBlock"/>s over [batch, length, width].</summary>
internal sealed class Transformer : nn.Module<Tensor, Tensor?, Tensor>
{
    // State-dict keys: CLIP's names, given by [ComponentName] (see ClipModel).
    [ComponentName(Name = "resblocks")] private readonly ModuleList<ResidualAttentionBlock> _resblocks;

    public Transformer(int width, int layers, int heads, ActivationKind activation) : base(nameof(Transformer))
    {
        _resblocks = new ModuleList<ResidualAttentionBlock>(
            Enumerable.Range(0, layers).Select(_ => new ResidualAttentionBlock(width, heads, activation)).ToArray());
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor? additiveMask)
    {
        Tensor current = x.alias();
        foreach (ResidualAttentionBlock block in _resblocks)
        {
            Tensor next = block.forward(current, additiveMask);
            current.Dispose();
            current = next;
        }
        return current;
    }

    /// <summary>CLIP's initialisation: std width^-0.5 for attention inputs, scaled down for the residual outputs.</summary>
    public void Initialize(int width, int layers)
    {
        double attentionStd = Math.Pow(width, -0.5);
        double residualStd = attentionStd * Math.Pow(2.0 * Math.Max(layers, 1), -0.5);
        double expandStd = Math.Pow(2.0 * width, -0.5);
        using var noGrad = torch.no_grad();
        foreach (ResidualAttentionBlock block in _resblocks)
        {
            InitializeLinear(block.Attention.InProjection, attentionStd);
            InitializeLinear(block.Attention.OutProjection, residualStd);
            InitializeLinear(block.FeedForward.Expand, expandStd);
            InitializeLinear(block.FeedForward.Project, residualStd);
        }
    }

    private static void InitializeLinear(Linear linear, double std)
    {
        nn.init.normal_(linear.weight!, 0, std);
        if (linear.bias is not null)
        {
            nn.init.zeros_(linear.bias);
        }
    }
}
