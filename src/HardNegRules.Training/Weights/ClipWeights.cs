using System.Runtime.InteropServices;
using HardNegRules.Data.IO;
using HardNegRules.Training.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace HardNegRules.Training.Weights;

/// <summary>
/// Loads and saves <see cref="ClipModel"/> weights in Hugging Face's <c>model.safetensors</c> format with
/// <c>CLIPModel</c> parameter names (as published for <c>openai/clip-vit-base-patch32</c>), through
/// <see cref="ClipWeightMap"/>.
/// </summary>
public static class ClipWeights
{
    /// <summary>The weights file name <c>from_pretrained</c> looks for in a directory.</summary>
    public const string WeightsFileName = "model.safetensors";

    /// <summary>The configuration file name <c>from_pretrained</c> looks for in a directory.</summary>
    public const string ConfigFileName = "config.json";

    /// <summary>
    /// Replaces every parameter of <paramref name="model"/> with the file's values. Names and shapes are all checked
    /// before anything is copied, so a file that does not fit leaves the model untouched.
    /// </summary>
    /// <param name="model">A model with a ViT image tower whose options match the file's architecture.</param>
    /// <param name="path">A .safetensors file, or a directory holding <see cref="WeightsFileName"/>.</param>
    /// <exception cref="InvalidDataException">A tensor is missing, unexpected, of the wrong shape or not a float type;
    /// the message lists each one with both names and both shapes. Also for a malformed file.</exception>
    public static void LoadHuggingFace(ClipModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(path);
        string file = Directory.Exists(path) ? Path.Combine(path, WeightsFileName) : path;
        IReadOnlyList<ClipWeightMapping> map = ClipWeightMap.For(model.Options);
        Dictionary<string, Tensor> parameters = ParametersCoveredBy(model, map);

        using SafetensorsReader reader = SafetensorsReader.Open(file);
        ClipWeightsCheck.ThrowIfIncompatible(reader, map, parameters, file);

        using var noGrad = torch.no_grad();
        foreach (ClipWeightMapping mapping in map)
        {
            SafetensorsTensorInfo info = reader.Tensors[mapping.HuggingFaceName];
            // Read straight into native tensor memory, freed at the end of each iteration: a managed array per tensor
            // (up to 100 MB for ViT-B/32's token embedding) would linger on the large-object heap until a full GC.
            using Tensor staging = torch.empty(info.Shape.ToArray(), ScalarType.Float32);
            reader.ReadFloat32(mapping.HuggingFaceName, MemoryMarshal.Cast<byte, float>(staging.bytes));
            using Tensor target = mapping.View(parameters[mapping.ParameterName]);
            target.copy_(staging);
        }
    }

    /// <summary>Writes every parameter of <paramref name="model"/> as float32 under its HF name, atomically.</summary>
    /// <param name="model">A model with a ViT image tower.</param>
    /// <param name="path">The .safetensors file to create or replace.</param>
    public static void SaveHuggingFace(ClipModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(path);
        IReadOnlyList<ClipWeightMapping> map = ClipWeightMap.For(model.Options);
        Dictionary<string, Tensor> parameters = ParametersCoveredBy(model, map);

        var sources = map.Select(mapping =>
        {
            using Tensor view = mapping.View(parameters[mapping.ParameterName]);
            return new SafetensorsTensorSource(mapping.HuggingFaceName, view.shape,
                sink => ProvideAsFloat32(mapping, parameters[mapping.ParameterName], sink));
        }).ToList();
        // transformers refuses a safetensors file whose metadata does not say which framework wrote it.
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["format"] = "pt" };
        AtomicFile.Write(path, stream => SafetensorsWriter.Write(stream, sources, metadata));
    }

    /// <summary>
    /// Writes <see cref="WeightsFileName"/> and a matching <see cref="ConfigFileName"/> into
    /// <paramref name="directory"/>: what <c>CLIPModel.from_pretrained(directory)</c> needs.
    /// </summary>
    /// <param name="model">A model with a ViT image tower.</param>
    /// <param name="directory">Created if missing; existing files of these two names are replaced.</param>
    public static void SaveHuggingFaceDirectory(ClipModel model, string directory)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(directory);
        SaveHuggingFace(model, Path.Combine(directory, WeightsFileName));
        HuggingFaceClipConfig.Write(model.Options, Path.Combine(directory, ConfigFileName));
    }

    /// <summary>Our parameters by name, after checking that the table covers each exactly: a gap would otherwise
    /// leave a parameter silently at its random initialisation.</summary>
    private static Dictionary<string, Tensor> ParametersCoveredBy(ClipModel model, IReadOnlyList<ClipWeightMapping> map)
    {
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter, StringComparer.Ordinal);
        var mapped = map.Select(m => m.ParameterName).ToHashSet(StringComparer.Ordinal);
        if (!mapped.SetEquals(parameters.Keys))
        {
            string unmapped = string.Join(", ", parameters.Keys.Except(mapped));
            string unknown = string.Join(", ", mapped.Except(parameters.Keys));
            throw new InvalidOperationException(
                $"The HF name table does not match the model's parameters (unmapped: [{unmapped}]; unknown: [{unknown}]).");
        }
        return parameters;
    }

    /// <summary>Hands the writer a span over a contiguous float32 CPU tensor: at most one tensor-sized native copy
    /// (for transposed or non-float32 parameters) and no managed one.</summary>
    private static void ProvideAsFloat32(ClipWeightMapping mapping, Tensor parameter, TensorDataSink sink)
    {
        using var noGrad = torch.no_grad();
        using Tensor view = mapping.View(parameter);
        using Tensor cpu = view.detach().to(ScalarType.Float32, torch.CPU).contiguous();
        sink(MemoryMarshal.Cast<byte, float>(cpu.bytes));
    }
}
