namespace HardNegRules.Training.Weights;

/// <summary>How a Hugging Face tensor relates to one of our parameters.</summary>
public enum WeightTransform
{
    /// <summary>Same shape, same values.</summary>
    Identity,

    /// <summary>Hugging Face keeps the projection as a bias-free Linear, [embed, width]; OpenAI (and we) keep the
    /// matrix that multiplies from the right, [width, embed].</summary>
    Transpose,

    /// <summary>Rows [0, w) of our fused in_proj (OpenAI's nn.MultiheadAttention layout): Hugging Face's q_proj.</summary>
    QueryOfFused,

    /// <summary>Rows [w, 2w) of our fused in_proj: Hugging Face's k_proj.</summary>
    KeyOfFused,

    /// <summary>Rows [2w, 3w) of our fused in_proj: Hugging Face's v_proj.</summary>
    ValueOfFused,
}
