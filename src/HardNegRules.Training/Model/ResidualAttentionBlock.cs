using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace HardNegRules.Training.Model;

/// <summary>A pre-LN transformer block: x + attn(ln_1(x)), then x + mlp(ln_2(x)), as in CLIP.</summary>
internal sealed class ResidualAttentionBlock : nn.Module<Tensor, Tensor?, Tensor>
{
    // State-dict keys: CLIP's names, given by [ComponentName] (see ClipModel).
    [ComponentName(Name = "ln_1")] private readonly LayerNorm _ln1;
    [ComponentName(Name = "attn")] private readonly MultiHeadSelfAttention _attn;
    [ComponentName(Name = "ln_2")] private readonly LayerNorm _ln2;
    [ComponentName(Name = "mlp")] private readonly Mlp _mlp;

    public ResidualAttentionBlock(int width, int heads, ActivationKind activation) : base(nameof(ResidualAttentionBlock))
    {
        _ln1 = nn.LayerNorm(width);
        _attn = new MultiHeadSelfAttention(width, heads);
        _ln2 = nn.LayerNorm(width);
        _mlp = new Mlp(width, 4 * width, activation);
        RegisterComponents();
    }

    public MultiHeadSelfAttention Attention => _attn;

    public Mlp FeedForward => _mlp;

    public override Tensor forward(Tensor x, Tensor? additiveMask)
    {
        using Tensor normed1 = _ln1.forward(x);
        using Tensor attended = _attn.forward(normed1, additiveMask);
        using Tensor afterAttention = x + attended;
        using Tensor normed2 = _ln2.forward(afterAttention);
        using Tensor fed = _mlp.forward(normed2);
        return afterAttention + fed;
    }
}

/// <summary>The block's two-layer MLP (c_fc, activation, c_proj).</summary>
internal sealed class Mlp : nn.Module<Tensor, Tensor>
{
    // State-dict keys: CLIP's names, given by [ComponentName] (see ClipModel).
    [ComponentName(Name = "c_fc")] private readonly Linear _fc;
    [ComponentName(Name = "c_proj")] private readonly Linear _proj;
    private readonly Func<Tensor, Tensor> _activation;

    public Mlp(int width, int hidden, ActivationKind activation) : base(nameof(Mlp))
    {
        _fc = nn.Linear(width, hidden);
        _proj = nn.Linear(hidden, width);
        _activation = Activations.For(activation);
        RegisterComponents();
    }

    public Linear Expand => _fc;

    public Linear Project => _proj;

    public override Tensor forward(Tensor x)
    {
        using Tensor hidden = _fc.forward(x);
        using Tensor activated = _activation(hidden);
        return _proj.forward(activated);
    }
}
