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
#pragma warning disable IDE1006 // names mirror CLIP's state-dict keys
    private readonly Embedding token_embedding;
    private readonly Parameter positional_embedding;
    private readonly Transformer transformer;
    private readonly LayerNorm ln_final;
    private readonly Parameter text_projection;
#pragma warning restore IDE1006
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
        Tensor mask = get_buffer("causal_mask")!;

        using Tensor embedded = token_embedding.forward(tokens);
        using Tensor positioned = embedded + positional_embedding;
        using Tensor encoded = transformer.forward(positioned, mask);
        using Tensor normed = ln_final.forward(encoded);

        using Tensor ends = endIndex is null ? tokens.argmax(1) : endIndex.alias();
        using Tensor gatherIndex = ends.to(ScalarType.Int64).view(batch, 1, 1).expand(batch, 1, width);
        using Tensor pooled = normed.gather(1, gatherIndex).squeeze(1);           // [B, W]
        return pooled.matmul(text_projection);
    }
}
