using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HardNegRules.Training.Model;

/// <summary>
/// Multi-head self-attention over [batch, length, width] with one fused q/k/v projection, as in CLIP's
/// nn.MultiheadAttention.
/// </summary>
internal sealed class MultiHeadSelfAttention : nn.Module<Tensor, Tensor?, Tensor>
{
    // Field names become state-dict keys (RegisterComponents). They follow OpenAI CLIP's names so that loading its
    // weights is a small key mapping (text tower under "text.", in_proj_weight -> in_proj.weight), not a redesign.
    private readonly Linear in_proj;
    private readonly Linear out_proj;
    private readonly int heads;
    private readonly int width;

    public MultiHeadSelfAttention(int width, int heads) : base(nameof(MultiHeadSelfAttention))
    {
        this.width = width;
        this.heads = heads;
        in_proj = nn.Linear(width, 3 * width);
        out_proj = nn.Linear(width, width);
        RegisterComponents();
    }

    public Linear InProjection => in_proj;

    public Linear OutProjection => out_proj;

    /// <param name="x">[batch, length, width].</param>
    /// <param name="additiveMask">[length, length], added to the attention scores (-inf blocks), or null.</param>
    public override Tensor forward(Tensor x, Tensor? additiveMask)
    {
        long batch = x.shape[0];
        long length = x.shape[1];
        int headWidth = width / heads;

        // [batch, length, 3, heads, headWidth] -> [3, batch, heads, length, headWidth]
        using Tensor qkv = in_proj.forward(x).view(batch, length, 3, heads, headWidth).permute(2, 0, 3, 1, 4);
        using Tensor q = qkv[0];
        using Tensor k = qkv[1];
        using Tensor v = qkv[2];

        // libtorch's fused kernel: less memory traffic than softmax(q k^T) v spelled out, same result.
        using Tensor attended = nn.functional.scaled_dot_product_attention(q, k, v, additiveMask);
        using Tensor merged = attended.transpose(1, 2).reshape(batch, length, width);
        return out_proj.forward(merged);
    }
}
