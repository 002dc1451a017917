using HardNegRules.Training.Model;
using TorchSharp.Modules;

namespace HardNegRules.Training.Training;

/// <summary>Splits a model's parameters into those that get weight decay and those that do not.</summary>
internal static class ParameterGroups
{
    /// <summary>
    /// Decay only weight matrices and kernels. Norm gains and biases are 1-D; positional and class embeddings are
    /// learnt offsets whose scale carries meaning; decaying the logit scale would pull the temperature towards 1.
    /// </summary>
    public static (List<Parameter> Decay, List<Parameter> NoDecay) Split(ClipModel model)
    {
        var decay = new List<Parameter>();
        var noDecay = new List<Parameter>();
        foreach ((string name, Parameter parameter) in model.named_parameters())
        {
            bool exempt = parameter.dim() < 2
                || name.EndsWith("positional_embedding", StringComparison.Ordinal)
                || name.EndsWith("class_embedding", StringComparison.Ordinal)
                || name.EndsWith("logit_scale", StringComparison.Ordinal);
            (exempt ? noDecay : decay).Add(parameter);
        }
        return (decay, noDecay);
    }
}
