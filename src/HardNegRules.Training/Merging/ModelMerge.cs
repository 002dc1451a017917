using System.Globalization;

namespace HardNegRules.Training.Merging;

/// <summary>
/// The workflow of <c>hardneg merge</c>: two checkpoints (or their run folders) merge into a run folder through
/// <see cref="CheckpointMerge"/>; two Hugging Face safetensors files merge into a safetensors file through
/// <see cref="SafetensorsAveraging"/>.
/// </summary>
public static class ModelMerge
{
    private const string SafetensorsExtension = ".safetensors";

    /// <summary>Whether a path names a safetensors file (by its extension).</summary>
    /// <param name="path">The path.</param>
    /// <returns>True for <c>*.safetensors</c>.</returns>
    public static bool IsSafetensors(string? path) =>
        path is not null && path.EndsWith(SafetensorsExtension, StringComparison.OrdinalIgnoreCase);

    /// <summary>Merges <see cref="CheckpointMergeOptions.From"/> and <see cref="CheckpointMergeOptions.To"/>, both
    /// checkpoints or both safetensors files; a safetensors output that is a folder gets <c>model.safetensors</c>.</summary>
    /// <param name="options">Inputs, alpha and output.</param>
    /// <returns>One line saying what was merged into what.</returns>
    /// <exception cref="ArgumentException">An input or the output is not given, alpha is outside [0, 1], the inputs are
    /// not of one kind, an input does not exist, or the two are not of one architecture.</exception>
    public static string Merge(CheckpointMergeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string? problem = string.IsNullOrEmpty(options.From) || string.IsNullOrEmpty(options.To) ? "Give both --from PATH and --to PATH."
            : string.IsNullOrEmpty(options.OutDirectory) ? "Give --out PATH for the merged model."
            : options.Alpha is not (>= 0 and <= 1)
                ? $"--alpha must be a number from 0 (--from) to 1 (--to); got {options.Alpha.ToString(CultureInfo.InvariantCulture)}."
            : IsSafetensors(options.From) != IsSafetensors(options.To) ? "--from and --to must be of one kind: two checkpoints or two .safetensors files."
            : null;
        if (problem is not null)
        {
            throw new ArgumentException(problem);
        }
        string alpha = options.Alpha.ToString(CultureInfo.InvariantCulture);
        if (IsSafetensors(options.From))
        {
            string output = Directory.Exists(options.OutDirectory)
                ? Path.Combine(options.OutDirectory, "model" + SafetensorsExtension)
                : options.OutDirectory;
            IReadOnlyList<string> skipped = SafetensorsAveraging.Merge(Existing(options.From, "--from"), Existing(options.To, "--to"),
                options.Alpha, output);
            return $"Merged {options.From} and {options.To} with alpha {alpha} into {output}" +
                (skipped.Count > 0 ? $" (left out non-float tensors: {string.Join(", ", skipped)})." : ".");
        }
        CheckpointMergeResult result = CheckpointMerge.Merge(options);
        return $"Merged {result.From} and {result.To} with alpha {alpha} ({result.TensorCount} tensors, {result.ScalarCount} scalars) into {result.CheckpointPath}.";
    }

    private static string Existing(string path, string option) =>
        File.Exists(path) ? path : throw new ArgumentException($"{option}: file '{path}' does not exist.");
}
