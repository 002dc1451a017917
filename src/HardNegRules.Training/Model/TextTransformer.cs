using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HardNegRules.Training.Model;

/// <summary>
/// CLIP's text tower: token + positional embedding, causal transformer, ln_final, the feature at the end-of-text token,
/// projected to the embedding space.
/// </summary>
internal sealed class TextTransformer : nn.Module<Tensor, Tensor?, Tensor>
{
    // Field names become state-dict keys (RegisterComponents). They follow OpenAI CLIP's names so that loading its
    // weights is a small key mapping (text tower under "text.", in_proj_weight -> in_proj.weight), not a redesign.
    private readonly Embedding token_embedding;
    private readonly Parameter positional_embedding;
    private readonly Transformer transformer;
    private readonly LayerNorm ln_final;
    private readonly Parameter text_projection;
    private readonly int contextLength;
    private readonly int width;

    public TextTransformer(TextTowerOptions options, int embedDim, ActivationKind activation)
        : base(nameof(TextTransformer))
    {
        contextLength = options.ContextLength;
        width = options.Width;
        token_embedding = nn.Embedding(options.VocabularySize, width);
        positional_embedding = nn.Parameter(torch.empty(contextLength, width));
        transformer = new Transformer(width, options.Layers, options.Heads, activation);
        ln_final = nn.LayerNorm(width);
        text_projection = nn.Parameter(torch.empty(width, embedDim));

        using (torch.no_grad())
        {
            nn.init.normal_(token_embedding.weight!, 0, 0.02);
            nn.init.normal_(positional_embedding, 0, 0.01);
            nn.init.normal_(text_projection, 0, Math.Pow(width, -0.5));
        }
        transformer.Initialize(width, options.Layers);

        // Causal mask: position i attends to positions <= i only (CLIP's text encoder is autoregressive-masked).
        register_buffer("causal_mask", torch.full(contextLength, contextLength, float.NegativeInfinity).triu_(1),
            persistent: false);
        RegisterComponents();
    }

    /// <param name="tokens">[batch, contextLength] int64 token ids.</param>
    /// <param name="endIndex">[batch] int64 positions of the end-of-text token, or null to take the position of the
    /// highest id in each row (CLIP's end-of-text token has the highest id of its vocabulary).</param>
    /// <returns>[batch, embedDim], not normalised.</returns>
    public override Tensor forward(Tensor tokens, Tensor? endIndex)
    {
        if (tokens.dim() != 2 || tokens.shape[1] != contextLength)
        {
            throw new ArgumentException(
                $"Expected token ids of shape [batch, {contextLength}], got [{string.Join(", ", tokens.shape)}].",
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
        if (length < 1 || length > contextLength)
        {
            throw new ArgumentException($"End-of-text positions must lie in [0, {contextLength}).", nameof(endIndex));
        }
        using Tensor prefix = tokens.narrow(1, 0, length);
        using Tensor positions = positional_embedding.narrow(0, 0, length);
        Tensor fullMask = get_buffer("causal_mask")!;                              // the buffer itself: not disposed
        using Tensor mask = fullMask.narrow(0, 0, length).narrow(1, 0, length);

        using Tensor embedded = token_embedding.forward(prefix);
        using Tensor positioned = embedded + positions;
        using Tensor encoded = transformer.forward(positioned, mask);
        using Tensor normed = ln_final.forward(encoded);

        using Tensor gatherIndex = ends.view(batch, 1, 1).expand(batch, 1, width);
        using Tensor pooled = normed.gather(1, gatherIndex).squeeze(1);           // [B, W]
        return pooled.matmul(text_projection);
    }
}
