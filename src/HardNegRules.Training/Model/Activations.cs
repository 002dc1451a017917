using TorchSharp;
using static TorchSharp.torch;

namespace HardNegRules.Training.Model;

/// <summary>The MLP non-linearities as tensor functions.</summary>
internal static class Activations
{
    public static Func<Tensor, Tensor> For(ActivationKind kind) => kind switch
    {
        ActivationKind.Gelu => x => nn.functional.gelu(x),
        ActivationKind.QuickGelu => x => x * nn.functional.sigmoid(x * 1.702),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown activation."),
    };
}
