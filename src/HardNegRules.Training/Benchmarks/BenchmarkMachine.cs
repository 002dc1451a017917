using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;
using HardNegRules.Training.Setup;

namespace HardNegRules.Training.Benchmarks;

/// <summary>Where and when a benchmark ran: figures from a shared machine mean little without its load.</summary>
/// <param name="DateUtc">When the run ended.</param>
/// <param name="Processors">Logical processors the runtime sees.</param>
/// <param name="LoadAverage">1, 5 and 15-minute load averages from /proc/loadavg; empty where there is none.</param>
/// <param name="OperatingSystem">The OS description.</param>
/// <param name="Runtime">The .NET runtime.</param>
/// <param name="TorchSharp">The TorchSharp assembly's version.</param>
/// <param name="AllocatorTuned">Whether glibc's malloc thresholds were set (see <see cref="TorchSetup"/>).</param>
/// <param name="OpenMpWaitPolicy">OMP_WAIT_POLICY as libtorch's OpenMP sees it.</param>
public sealed record BenchmarkMachine(
    DateTime DateUtc,
    int Processors,
    IReadOnlyList<double> LoadAverage,
    [property: JsonPropertyName("os")] string OperatingSystem,
    string Runtime,
    [property: JsonPropertyName("torchsharp")] string TorchSharp,
    bool AllocatorTuned,
    [property: JsonPropertyName("omp_wait_policy")] string? OpenMpWaitPolicy)
{
    /// <summary>Describes this process's machine now.</summary>
    /// <returns>The description.</returns>
    public static BenchmarkMachine Current() => new(
        DateTime.UtcNow,
        Environment.ProcessorCount,
        ReadLoadAverage(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "unknown",
        TorchSetup.AllocatorTuned,
        TorchSetup.NativeOpenMpWaitPolicy());

    private static double[] ReadLoadAverage()
    {
        try
        {
            // "0.52 0.58 0.59 1/467 12345"
            string[] fields = File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Take(3).Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return [];
        }
    }
}
