namespace HardNegRules.Training.Model;

/// <summary>Shape of CLIP's text transformer.</summary>
/// <param name="VocabularySize">Number of token ids (49408 for CLIP's BPE vocabulary).</param>
/// <param name="ContextLength">Tokens per caption, padded or truncated (77 in CLIP).</param>
/// <param name="Width">Width of the token embeddings and of the transformer.</param>
/// <param name="Heads">Attention heads; must divide <paramref name="Width"/>.</param>
/// <param name="Layers">Transformer blocks.</param>
public sealed record TextTowerOptions(int VocabularySize, int ContextLength, int Width, int Heads, int Layers)
{
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(VocabularySize, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(ContextLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Heads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Layers, 0);
        if (Width < 1 || Width % Heads != 0)
        {
            throw new ArgumentException($"Text width {Width} must be a positive multiple of the head count {Heads}.");
        }
    }
}
