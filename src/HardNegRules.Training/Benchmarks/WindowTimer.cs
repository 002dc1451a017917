using System.Diagnostics;

namespace HardNegRules.Training.Benchmarks;

/// <summary>
/// Wall time and process CPU time of consecutive windows of steps. On a shared machine the wall time of a window
/// depends on what else runs; the CPU time (all of this process's threads: torch's, the batch worker, the GC) is the
/// work the step itself costs, and changes much less with the load.
/// </summary>
internal sealed class WindowTimer
{
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private TimeSpan wallStart;
    private TimeSpan cpuStart;
    private bool open;

    public List<double> WallSeconds { get; } = [];

    public List<double> CpuSeconds { get; } = [];

    /// <summary>Closes the open window (if any) and opens the next one.</summary>
    public void Boundary()
    {
        TimeSpan now = wall.Elapsed;
        TimeSpan cpu = ProcessCpuTime();
        if (open)
        {
            WallSeconds.Add((now - wallStart).TotalSeconds);
            CpuSeconds.Add((cpu - cpuStart).TotalSeconds);
        }
        wallStart = now;
        cpuStart = cpu;
        open = true;
    }

    private static TimeSpan ProcessCpuTime()
    {
        using Process self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
