namespace HardNegRules.Training.Benchmarks;

/// <summary>Resident memory after a number of completed steps.</summary>
/// <param name="Step">Steps completed when the sample was taken (warm-up included; 0 = model and data built).</param>
/// <param name="ResidentBytes">The process's RSS in bytes.</param>
public readonly record struct MemorySample(int Step, long ResidentBytes)
{
    /// <summary>The RSS in MiB.</summary>
    public double ResidentMegabytes => ResidentBytes / (1024.0 * 1024.0);
}
