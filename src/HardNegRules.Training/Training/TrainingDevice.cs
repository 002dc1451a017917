using System.Globalization;
using TorchSharp;

namespace HardNegRules.Training.Training;

/// <summary>Turns the device option into a torch device, with a clear error when CUDA is asked for but absent.</summary>
public static class TrainingDevice
{
    /// <summary>Whether <paramref name="name"/> names a device: <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    /// <param name="name">The device option, in lower case.</param>
    /// <returns>True for a device name (present on this machine or not).</returns>
    public static bool IsName(string name) =>
        name is "cpu" or "cuda"
        || (name.StartsWith("cuda:", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out _));

    /// <summary>Resolves <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    /// <param name="name">The device option.</param>
    /// <exception cref="InvalidOperationException">CUDA was requested and is not available.</exception>
    /// <exception cref="ArgumentException">The name is none of <see cref="IsName"/>'s.</exception>
    public static torch.Device Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string normalized = name.Trim().ToLowerInvariant();
        if (!IsName(normalized))
        {
            throw new ArgumentException($"Unknown device '{name}': expected cpu, cuda or cuda:N.", nameof(name));
        }
        if (normalized == "cpu")
        {
            return torch.CPU;
        }
        if (!torch.cuda.is_available())
        {
            throw new InvalidOperationException(
                $"Device '{name}' was requested, but CUDA is not available: this build references the CPU-only " +
                "libtorch (libtorch-cpu-linux-x64) or no GPU/driver is present. Use --device cpu, or reference a " +
                "CUDA libtorch package and run on a machine with an NVIDIA GPU.");
        }
        return torch.device(normalized);
    }
}
