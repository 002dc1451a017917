using static TorchSharp.torch;

namespace HardNegRules.Training.Weights;

/// <summary>One row of the Hugging Face &lt;-&gt; <see cref="Model.ClipModel"/> name table.</summary>
/// <param name="HuggingFaceName">The key in an HF <c>CLIPModel</c> state dict, e.g. <c>text_projection.weight</c>.</param>
/// <param name="ParameterName">Our state-dict key, e.g. <c>text.text_projection</c>.</param>
/// <param name="Transform">How the HF tensor is obtained from our parameter (and back).</param>
public sealed record ClipWeightMapping(string HuggingFaceName, string ParameterName, WeightTransform Transform)
{
    /// <summary>
    /// The part of <paramref name="parameter"/> that this HF tensor holds, as a view with the HF tensor's shape: copying
    /// the HF tensor into it loads, making it contiguous saves. One function for both directions keeps them consistent.
    /// </summary>
    /// <param name="parameter">Our parameter.</param>
    /// <returns>A view sharing <paramref name="parameter"/>'s storage; dispose it after use.</returns>
    internal Tensor View(Tensor parameter)
    {
        switch (Transform)
        {
            case WeightTransform.Identity:
                return parameter.alias();
            case WeightTransform.Transpose:
                return parameter.t();
            default:
                long rows = parameter.shape[0] / 3;
                int part = Transform - WeightTransform.QueryOfFused;
                return parameter.narrow(0, part * rows, rows);
        }
    }
}
