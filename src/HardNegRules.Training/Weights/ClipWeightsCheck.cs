using static TorchSharp.torch;

namespace HardNegRules.Training.Weights;

/// <summary>Compares a file's tensors with the name table before anything is loaded, and reports every mismatch at once.</summary>
internal static class ClipWeightsCheck
{
    /// <summary>Enough problems to diagnose a file (a wrong architecture produces hundreds); the count says the rest.</summary>
    private const int MaxListed = 20;

    public static void ThrowIfIncompatible(SafetensorsReader reader, IReadOnlyList<ClipWeightMapping> map,
        IReadOnlyDictionary<string, Tensor> parameters, string path)
    {
        var problems = new List<string>();
        foreach (ClipWeightMapping mapping in map)
        {
            using Tensor view = mapping.View(parameters[mapping.ParameterName]);
            string expected = SafetensorsTensorInfo.FormatShape(view.shape);
            if (!reader.Tensors.TryGetValue(mapping.HuggingFaceName, out SafetensorsTensorInfo? info))
            {
                problems.Add($"missing '{mapping.HuggingFaceName}' (for {mapping.ParameterName}, expected shape {expected})");
            }
            else if (!info.Shape.SequenceEqual(view.shape))
            {
                problems.Add($"'{mapping.HuggingFaceName}' has shape {info.ShapeText} in the file but "
                    + $"{mapping.ParameterName} needs {expected}");
            }
            else if (info.DType is not (SafetensorsDType.F32 or SafetensorsDType.F16 or SafetensorsDType.BF16))
            {
                problems.Add($"'{mapping.HuggingFaceName}' is {info.DType.HeaderName()}, not F32, F16 or BF16");
            }
        }
        var known = map.Select(m => m.HuggingFaceName).ToHashSet(StringComparer.Ordinal);
        foreach (SafetensorsTensorInfo extra in reader.Tensors.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (!known.Contains(extra.Name) && !ClipWeightMap.IgnoredHuggingFaceNames.Contains(extra.Name))
            {
                problems.Add($"unexpected '{extra.Name}' (shape {extra.ShapeText}): no parameter of this model maps to it");
            }
        }
        if (problems.Count > 0)
        {
            string listed = string.Join(Environment.NewLine, problems.Take(MaxListed).Select(p => "  " + p));
            string more = problems.Count > MaxListed ? $"{Environment.NewLine}  ... and {problems.Count - MaxListed} more" : "";
            throw new InvalidDataException(
                $"'{path}' does not fit this CLIP model ({problems.Count} problem(s)):{Environment.NewLine}{listed}{more}");
        }
    }
}
