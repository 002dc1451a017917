using HardNegRules.Data.IO;
using HardNegRules.Training.Weights;

namespace HardNegRules.Training.Merging;

/// <summary>
/// Weight averaging of two safetensors files of one architecture, tensor by tensor, without building a model:
/// theta = (1 - alpha) * theta_from + alpha * theta_to. Floating-point tensors (F32, F16, BF16) are read as float32
/// and written as F32; other tensors (integer ids such as position ids, which no loader here reads) are left out and
/// listed in the result.
/// </summary>
public static class SafetensorsAveraging
{
    /// <summary>Writes the average of two safetensors files.</summary>
    /// <param name="fromPath">The file at alpha 0.</param>
    /// <param name="toPath">The file at alpha 1.</param>
    /// <param name="alpha">The weight of <paramref name="toPath"/>, in [0, 1].</param>
    /// <param name="outPath">The merged file (written atomically).</param>
    /// <returns>The names of the tensors left out because they are not floating point.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Alpha is outside [0, 1].</exception>
    /// <exception cref="WeightMismatchException">A tensor is missing in one file or differs in shape (the message names it).</exception>
    public static IReadOnlyList<string> Merge(string fromPath, string toPath, double alpha, string outPath)
    {
        ArgumentNullException.ThrowIfNull(fromPath);
        ArgumentNullException.ThrowIfNull(toPath);
        ArgumentNullException.ThrowIfNull(outPath);
        WeightAveraging.ValidateAlpha(alpha);
        using SafetensorsReader from = SafetensorsReader.Open(fromPath);
        using SafetensorsReader to = SafetensorsReader.Open(toPath);
        CheckSameLayout(from, to, fromPath, toPath);

        var skipped = new List<string>();
        var tensors = new List<SafetensorsTensorSource>();
        foreach (SafetensorsTensorInfo info in from.Tensors.Values.OrderBy(t => t.Begin))
        {
            if (info.DType is not (SafetensorsDType.F32 or SafetensorsDType.F16 or SafetensorsDType.BF16))
            {
                skipped.Add(info.Name);
                continue;
            }
            tensors.Add(new SafetensorsTensorSource(info.Name, info.Shape, sink =>
            {
                float[] a = from.ReadFloat32(info.Name);
                float[] b = to.ReadFloat32(info.Name);
                float keep = (float)(1.0 - alpha);
                float take = (float)alpha;
                for (int i = 0; i < a.Length; i++)
                {
                    a[i] = (keep * a[i]) + (take * b[i]);
                }
                sink(a);
            }));
        }
        var metadata = new Dictionary<string, string>(from.Metadata)
        {
            ["merge"] = $"(1 - alpha) * {Path.GetFileName(fromPath)} + alpha * {Path.GetFileName(toPath)}, alpha = {alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        };
        string? directory = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        AtomicFile.Write(outPath, stream => SafetensorsWriter.Write(stream, tensors, metadata));
        return skipped;
    }

    private static void CheckSameLayout(SafetensorsReader from, SafetensorsReader to, string fromPath, string toPath)
    {
        foreach ((string name, SafetensorsTensorInfo a) in from.Tensors)
        {
            if (!to.Tensors.TryGetValue(name, out SafetensorsTensorInfo? b))
            {
                throw new WeightMismatchException(name, $"Tensor '{name}' is in {fromPath} but not in {toPath}: the architectures differ.");
            }
            if (!a.Shape.SequenceEqual(b.Shape))
            {
                throw new WeightMismatchException(name,
                    $"Tensor '{name}' has shape {a.ShapeText} in {fromPath} but {b.ShapeText} in {toPath}: the architectures differ.");
            }
        }
        foreach (string name in to.Tensors.Keys.Where(n => !from.Tensors.ContainsKey(n)))
        {
            throw new WeightMismatchException(name, $"Tensor '{name}' is in {toPath} but not in {fromPath}: the architectures differ.");
        }
    }
}
