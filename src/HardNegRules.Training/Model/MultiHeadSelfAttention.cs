using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace HardNegRules.Training.Model;

/// <summary>
/// Multi-head self-attention over [batch, length, width] with one fused q/k/v projection, as in CLIP's
/// nn.MultiheadAttention.
/// </summary>
internal sealed class MultiHeadSelfAttention : nn.Module<Tensor, Tensor?, Tensor>
{
    // State-dict keys: CLIP's names, given by [ComponentName] (see ClipModel).
    [ComponentName(Name = "in_proj")] private readonly Linear _inProj;
    [ComponentName(Name = "out_proj")] private readonly Linear _outProj;
    private readonly int _heads;
    private readonly int _width;

    public MultiHeadSelfAttention(int width, int heads) : base(nameof(MultiHeadSelfAttention))
    {
        _width = width;
        _heads = heads;
        _inProj = nn.Linear(width, 3 * width);
        _outProj = nn.Linear(width, width);
        RegisterComponents();
    }

    public Linear InProjection => _inProj;

    public Linear OutProjection => _outProj;

    /// <param name="x">[batch, length, width].</param>
    /// <param name="additiveMask">[length, length], added to the attention scores (-inf blocks), or null.</param>
    public override Tensor forward(Tensor x, Tensor? additiveMask)
    {
        long batch = x.shape[0];
        long length = x.shape[1];
        int headWidth = _width / _heads;

        // [batch, length, 3, heads, headWidth] -> [3, batch, heads, length, headWidth]
        using Tensor qkv = _inProj.forward(x).view(batch, length, 3, _heads, headWidth).permute(2, 0, 3, 1, 4);
        using Tensor q = qkv[0];
        using Tensor k = qkv[1];
        using Tensor v = qkv[2];

        // libtorch's fused kernel: less memory traffic than softmax(q k^T) v spelled out, same result.
        using Tensor attended = nn.functional.scaled_dot_product_attention(q, k, v, additiveMask);
        using Tensor merged = attended.transpose(1, 2).reshape(batch, length, _width);
        return _outProj.forward(merged);
    }
}
