namespace HardNegRules.Training.Model;

/// <summary>The non-linearity inside the transformer MLPs.</summary>
public enum ActivationKind
{
    /// <summary>The exact GELU.</summary>
    Gelu,

    /// <summary><c>x * sigmoid(1.702 x)</c>: the approximation OpenAI CLIP was trained with (needed to load its weights).</summary>
    QuickGelu,
}
