using System.Runtime.InteropServices;
using TorchSharp;

namespace HardNegRules.Training.Setup;

/// <summary>
/// Process-wide preparation for TorchSharp: tunes glibc's allocator and sets the number of torch threads.
/// Call <see cref="Initialize"/> once, before the first tensor is created.
/// </summary>
public static partial class TorchSetup
{
    // glibc's mallopt parameter numbers (malloc.h).
    private const int MallocTrimThreshold = -1;
    private const int MallocMmapThreshold = -3;

    // Tensors of a few MB are freed and reallocated every step. With glibc's defaults they are served by mmap and the
    // freed memory is trimmed back to the OS, so every step page-faults the same memory in again: 3-4x slower training.
    // Serving blocks up to 32 MB from the heap and trimming only above 1 GB keeps that memory in the process.
    private const int MmapThresholdBytes = 32 * 1024 * 1024;
    private const int TrimThresholdBytes = 1024 * 1024 * 1024;

    private static readonly Lock Gate = new();
    private static bool allocatorTuned;

    /// <summary>Whether glibc's allocator was tuned by <see cref="Initialize"/> (Linux with glibc only).</summary>
    public static bool AllocatorTuned
    {
        get
        {
            lock (Gate)
            {
                return allocatorTuned;
            }
        }
    }

    /// <summary>
    /// Tunes the allocator (Linux only; once per process) and sets torch's intra-op thread count.
    /// </summary>
    /// <param name="threads">Torch threads; 0 or less means one per logical core.</param>
    public static void Initialize(int threads = 0)
    {
        lock (Gate)
        {
            if (!allocatorTuned && OperatingSystem.IsLinux())
            {
                allocatorTuned = TryTuneGlibcMalloc();
            }
        }

        int count = threads > 0 ? threads : Environment.ProcessorCount;
        if (torch.get_num_threads() != count)
        {
            torch.set_num_threads(count);
        }
    }

    private static bool TryTuneGlibcMalloc()
    {
        try
        {
            // mallopt returns 1 on success, 0 on error.
            bool mmapSet = NativeMethods.mallopt(MallocMmapThreshold, MmapThresholdBytes) == 1;
            bool trimSet = NativeMethods.mallopt(MallocTrimThreshold, TrimThresholdBytes) == 1;
            return mmapSet && trimSet;
        }
        catch (EntryPointNotFoundException)
        {
            return false; // a libc without mallopt (musl): nothing to tune
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    private static partial class NativeMethods
    {
        [LibraryImport("libc.so.6", EntryPoint = "mallopt")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static partial int mallopt(int parameter, int value);
    }
}
