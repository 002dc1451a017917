using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace HardNegRules.Training.Model;

/// <summary>
/// CLIP's text tower: token + positional embedding, causal transformer, ln_final, the feature at the end-of-text token,
/// projected to the embedding space.
/// </summary>
internal sealed class TextTransformer : nn.Module<Tensor, Tensor?, Tensor>
{
    // State-dict keys: CLIP's names, given by [ComponentName] (see ClipModel).
    [ComponentName(Name = "token_embedding")] private readonly Embedding _tokenEmbedding;
    [ComponentName(Name = "positional_embedding")] private readonly Parameter _positionalEmbedding;
    [ComponentName(Name = "transformer")] private readonly Transformer _transformer;
    [ComponentName(Name = "ln_final")] private readonly LayerNorm _lnFinal;
    [ComponentName(Name = "text_projection")] private readonly Parameter _textProjection;
    private readonly int _contextLength;
    private readonly int _width;

    public TextTransformer(TextTowerOptions options, int embedDim, ActivationKind activation)
        : base(nameof(TextTransformer))
    {
        _contextLength = options.ContextLength;
        _width = options.Width;
        _tokenEmbedding = nn.Embedding(options.VocabularySize, _width);
        _positionalEmbedding = nn.Parameter(torch.empty(_contextLength, _width));
        _transformer = new Transformer(_width, options.Layers, options.Heads, activation);
        _lnFinal = nn.LayerNorm(_width);
        _textProjection = nn.Parameter(torch.empty(_width, embedDim));

        using (torch.no_grad())
        {
            nn.init.normal_(_tokenEmbedding.weight!, 0, 0.02);
            nn.init.normal_(_positionalEmbedding, 0, 0.01);
            nn.init.normal_(_textProjection, 0, Math.Pow(_width, -0.5));
        }
        _transformer.Initialize(_width, options.Layers);

        // Causal mask: position i attends to positions <= i only (CLIP's text encoder is autoregressive-masked).
        register_buffer("causal_mask", torch.full(_contextLength, _contextLength, float.NegativeInfinity).triu_(1),
            persistent: false);
        RegisterComponents();
    }

    /// <param name="tokens">[batch, contextLength] int64 token ids.</param>
    /// <param name="endIndex">[batch] int64 positions of the end-of-text token, or null to take the position of the
    /// highest id in each row (CLIP's end-of-text token has the highest id of its vocabulary).</param>
    /// <returns>[batch, embedDim], not normalised.</returns>
    public override Tensor forward(Tensor tokens, Tensor? endIndex)
    {
        if (tokens.dim() != 2 || tokens.shape[1] != _contextLength)
        {
            throw new ArgumentException(
                $"Expected token ids of shape [batch, {_contextLength}], got [{string.Join(", ", tokens.shape)}].",
                nameof(tokens));
        }
        long batch = tokens.shape[0];
        // copy: true so that disposing `ends` can never dispose the caller's tensor.
        using Tensor ends = endIndex is null ? tokens.argmax(1) : endIndex.to(ScalarType.Int64, copy: true);

        // The causal mask makes the feature at position p depend on positions <= p only, so nothing after the last
        // end-of-text token of the batch can change the pooled features: run the transformer on that prefix alone.
        // Real captions end near 15-20 of 77 positions, so this cuts the text tower's work about four-fold, exactly.
        long length;
        using (Tensor last = ends.max())
        {
            length = last.item<long>() + 1;
        }
        if (length < 1 || length > _contextLength)
        {
            throw new ArgumentException($"End-of-text positions must lie in [0, {_contextLength}).", nameof(endIndex));
        }
        using Tensor prefix = tokens.narrow(1, 0, length);
        using Tensor positions = _positionalEmbedding.narrow(0, 0, length);
        Tensor fullMask = get_buffer("causal_mask")!;                              // the buffer itself: not disposed
        using Tensor mask = fullMask.narrow(0, 0, length).narrow(1, 0, length);

        using Tensor embedded = _tokenEmbedding.forward(prefix);
        using Tensor positioned = embedded + positions;
        using Tensor encoded = _transformer.forward(positioned, mask);
        using Tensor normed = _lnFinal.forward(encoded);

        using Tensor gatherIndex = ends.view(batch, 1, 1).expand(batch, 1, _width);
        using Tensor pooled = normed.gather(1, gatherIndex).squeeze(1);           // [B, W]
        return pooled.matmul(_textProjection);
    }
}
