using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HardNegRules.Training.Model;

/// <summary>A pre-LN transformer block: x + attn(ln_1(x)), then x + mlp(ln_2(x)), as in CLIP.</summary>
internal sealed class ResidualAttentionBlock : nn.Module<Tensor, Tensor?, Tensor>
{
    // Field names become state-dict keys (RegisterComponents). They follow OpenAI CLIP's names so that loading its
    // weights is a small key mapping (text tower under "text.", in_proj_weight -> in_proj.weight), not a redesign.
    private readonly LayerNorm ln_1;
    private readonly MultiHeadSelfAttention attn;
    private readonly LayerNorm ln_2;
    private readonly Mlp mlp;

    public ResidualAttentionBlock(int width, int heads, ActivationKind activation) : base(nameof(ResidualAttentionBlock))
    {
        ln_1 = nn.LayerNorm(width);
        attn = new MultiHeadSelfAttention(width, heads);
        ln_2 = nn.LayerNorm(width);
        mlp = new Mlp(width, 4 * width, activation);
        RegisterComponents();
    }

    public MultiHeadSelfAttention Attention => attn;

    public Mlp FeedForward => mlp;

    public override Tensor forward(Tensor x, Tensor? additiveMask)
    {
        using Tensor normed1 = ln_1.forward(x);
        using Tensor attended = attn.forward(normed1, additiveMask);
        using Tensor afterAttention = x + attended;
        using Tensor normed2 = ln_2.forward(afterAttention);
        using Tensor fed = mlp.forward(normed2);
        return afterAttention + fed;
    }
}

/// <summary>The block's two-layer MLP (c_fc, activation, c_proj).</summary>
internal sealed class Mlp : nn.Module<Tensor, Tensor>
{
    // Field names become state-dict keys (RegisterComponents). They follow OpenAI CLIP's names so that loading its
    // weights is a small key mapping (text tower under "text.", in_proj_weight -> in_proj.weight), not a redesign.
    private readonly Linear c_fc;
    private readonly Linear c_proj;
    private readonly Func<Tensor, Tensor> activation;

    public Mlp(int width, int hidden, ActivationKind activation) : base(nameof(Mlp))
    {
        c_fc = nn.Linear(width, hidden);
        c_proj = nn.Linear(hidden, width);
        this.activation = Activations.For(activation);
        RegisterComponents();
    }

    public Linear Expand => c_fc;

    public Linear Project => c_proj;

    public override Tensor forward(Tensor x)
    {
        using Tensor hidden = c_fc.forward(x);
        using Tensor activated = activation(hidden);
        return c_proj.forward(activated);
    }
}
