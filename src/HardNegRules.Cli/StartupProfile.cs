using System.Runtime;

namespace HardNegRules.Cli;

/// <summary>
/// Start-up on more than one core: the runtime records which methods a run compiles and, on the next run, compiles
/// them on another core ahead of need (multicore JIT). One profile per command and build, in the user's temporary
/// folder; when that is not writable, the program starts as it would without it.
/// </summary>
internal static class StartupProfile
{
    /// <summary>Starts recording, and using the profile of the previous run of the same command.</summary>
    /// <param name="args">The command line.</param>
    public static void Start(string[] args)
    {
        string command = args.FirstOrDefault(a => a.Length > 0 && char.IsAsciiLetter(a[0]) && a.All(char.IsAsciiLetter)) ?? "help";
        try
        {
            string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "hardneg-startup")).FullName;
            ProfileOptimization.SetProfileRoot(folder);
            ProfileOptimization.StartProfile($"{command}-{typeof(StartupProfile).Assembly.ManifestModule.ModuleVersionId:N}.profile");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only start-up speed depends on the profile.
        }
    }
}
