using System.Runtime.InteropServices;
using TorchSharp;

namespace HardNegRules.Training.Setup;

/// <summary>
/// Process-wide preparation for TorchSharp: tunes glibc's allocator, makes OpenMP's idle threads sleep instead of spin,
/// and sets the number of torch threads. Call <see cref="Initialize"/> before the first tensor is created.
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

    // libgomp (libtorch's OpenMP) busy-waits between parallel regions by default. With more runnable threads than
    // cores (a batch-preparation worker, other processes, two cores) the spinning threads starve the ones doing work:
    // measured here under load, 60 training steps took 53-67 s with the default policy and 3.5-4.2 s with PASSIVE.
    // libgomp reads the variable once, when libtorch is loaded, so it must be in the native environment before that.
    private const string OpenMpWaitPolicy = "OMP_WAIT_POLICY";

    private static readonly Lock Gate = new();
    private static bool _allocatorTuned;
    private static bool _environmentPrepared;

    /// <summary>Whether glibc's allocator was tuned by <see cref="Initialize"/> (Linux with glibc only).</summary>
    public static bool AllocatorTuned
    {
        get
        {
            lock (Gate)
            {
                return _allocatorTuned;
            }
        }
    }

    /// <summary>
    /// Runs <see cref="PrepareEnvironment"/> (Linux only; once per process) and sets torch's intra-op thread count.
    /// </summary>
    /// <param name="threads">Torch threads; 0 or less means one per logical core.</param>
    public static void Initialize(int threads = 0)
    {
        PrepareEnvironment();
        int count = threads > 0 ? threads : Environment.ProcessorCount;
        if (torch.get_num_threads() != count)
        {
            torch.set_num_threads(count);
        }
    }

    /// <summary>
    /// The process-level part of <see cref="Initialize"/> (allocator, OpenMP policy) without touching torch, so that
    /// it can run before libtorch is loaded. Idempotent; Linux only.
    /// </summary>
    public static void PrepareEnvironment()
    {
        lock (Gate)
        {
            if (!_environmentPrepared && OperatingSystem.IsLinux())
            {
                _allocatorTuned = TryTuneGlibcMalloc();
                PreferSleepingOpenMpThreads();
            }
            _environmentPrepared = true;
        }
    }

    /// <summary>The OpenMP wait policy in the native environment (what libgomp sees), or null if unset.</summary>
    internal static string? NativeOpenMpWaitPolicy() =>
        OperatingSystem.IsLinux() ? Marshal.PtrToStringUTF8(NativeMethods.getenv(OpenMpWaitPolicy)) : null;

    private static void PreferSleepingOpenMpThreads()
    {
        try
        {
            // overwrite: 0 keeps a policy the user chose. Environment.SetEnvironmentVariable would not do: on Unix it
            // changes only .NET's own copy, which native libraries never read.
            _ = NativeMethods.setenv(OpenMpWaitPolicy, "PASSIVE", overwrite: 0);
        }
        catch (EntryPointNotFoundException)
        {
        }
        catch (DllNotFoundException)
        {
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

        [LibraryImport("libc.so.6", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static partial int setenv(string name, string value, int overwrite);

        [LibraryImport("libc.so.6", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static partial IntPtr getenv(string name);
    }
}
