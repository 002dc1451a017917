using System.Diagnostics;
using System.Globalization;

namespace HardNegRules.Training.Benchmarks;

/// <summary>The process's resident memory (RSS): what a leak of native tensors would make grow.</summary>
public static class ProcessMemory
{
    private const string StatusFile = "/proc/self/status";
    private const string ResidentField = "VmRSS:";

    /// <summary>Resident bytes now: <c>VmRSS</c> of /proc/self/status on Linux, else <see cref="Process.WorkingSet64"/>.</summary>
    /// <returns>Bytes resident in physical memory.</returns>
    public static long ResidentBytes()
    {
        // VmRSS counts native allocations (libtorch's tensors) as well as the managed heap, read fresh each time;
        // Process.WorkingSet64 is the same figure on Linux but through a cached Process snapshot.
        if (OperatingSystem.IsLinux() && TryReadVmRss(out long bytes))
        {
            return bytes;
        }
        using Process self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    private static bool TryReadVmRss(out long bytes)
    {
        bytes = 0;
        try
        {
            foreach (string line in File.ReadLines(StatusFile))
            {
                if (!line.StartsWith(ResidentField, StringComparison.Ordinal))
                {
                    continue;
                }
                // "VmRSS:     123456 kB"
                string[] parts = line[ResidentField.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2 && parts[1] == "kB"
                    && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long kilobytes))
                {
                    bytes = kilobytes * 1024;
                    return true;
                }
                return false;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return false;
    }
}
