using System.Diagnostics;

namespace HardNegRules.Training.Benchmarks;

/// <summary>
/// Wall time and process CPU time of consecutive windows of steps. On a shared machine the wall time of a window
/// depends on what else runs; the CPU time (all of this process's threads: torch's, the batch worker, the GC) is the
/// work the step itself costs, and changes much less with the load.
/// </summary>
internal sealed class WindowTimer
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private TimeSpan _wallStart;
    private TimeSpan _cpuStart;
    private bool _open;

    public List<double> WallSeconds { get; } = [];

    public List<double> CpuSeconds { get; } = [];

    /// <summary>Closes the open window (if any) and opens the next one.</summary>
    public void Boundary()
    {
        TimeSpan now = _wall.Elapsed;
        TimeSpan cpu = ProcessCpuTime();
        if (_open)
        {
            WallSeconds.Add((now - _wallStart).TotalSeconds);
            CpuSeconds.Add((cpu - _cpuStart).TotalSeconds);
        }
        _wallStart = now;
        _cpuStart = cpu;
        _open = true;
    }

    private static TimeSpan ProcessCpuTime()
    {
        using Process self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
