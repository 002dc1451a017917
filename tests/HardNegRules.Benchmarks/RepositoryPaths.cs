namespace HardNegRules.Benchmarks;

/// <summary>Finds the repository (the folder with HardNegRules.sln and rules/) from wherever the benchmark process runs.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> Found = new(Find);

    /// <summary>The repository root; <c>$HARDNEG_REPO</c> when set.</summary>
    public static string Root => Found.Value;

    /// <summary>The default rules folder the interpreter loads.</summary>
    public static string Rules => Path.Combine(Root, "rules");

    private static string Find()
    {
        string? variable = Environment.GetEnvironmentVariable("HARDNEG_REPO");
        if (!string.IsNullOrWhiteSpace(variable))
        {
            return Path.GetFullPath(variable);
        }

        // BenchmarkDotNet runs benchmarks from a generated project under bin/, so look up from both places.
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HardNegRules.sln")) && Directory.Exists(Path.Combine(dir.FullName, "rules")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Repository root (HardNegRules.sln with rules/) not found; set HARDNEG_REPO.");
    }
}
