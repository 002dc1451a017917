using TorchSharp;

namespace HardNegRules.Training.Training;

/// <summary>Turns the device option into a torch device, with a clear error when CUDA is asked for but absent.</summary>
public static class TrainingDevice
{
    /// <summary>Resolves <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    /// <param name="name">The device option.</param>
    /// <exception cref="InvalidOperationException">CUDA was requested and is not available.</exception>
    /// <exception cref="ArgumentException">The name is neither cpu nor cuda.</exception>
    public static torch.Device Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string normalized = name.Trim().ToLowerInvariant();
        if (normalized == "cpu")
        {
            return torch.CPU;
        }
        if (normalized == "cuda" || normalized.StartsWith("cuda:", StringComparison.Ordinal))
        {
            if (!torch.cuda.is_available())
            {
                throw new InvalidOperationException(
                    $"Device '{name}' was requested, but CUDA is not available: this build references the CPU-only " +
                    "libtorch (libtorch-cpu-linux-x64) or no GPU/driver is present. Use --device cpu, or reference a " +
                    "CUDA libtorch package and run on a machine with an NVIDIA GPU.");
            }
            return torch.device(normalized);
        }
        throw new ArgumentException($"Unknown device '{name}': expected cpu, cuda or cuda:N.", nameof(name));
    }
}
