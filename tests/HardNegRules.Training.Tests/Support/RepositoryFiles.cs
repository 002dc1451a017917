namespace HardNegRules.Training.Tests.Support;

/// <summary>Paths of the repository's test data (tests/data), found upwards from the test binaries.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string SugarCrepe => Path.Combine(Root, "tests", "data", "sugarcrepe");

    public static string CocoSample => Path.Combine(Root, "tests", "data", "coco", "val2017-sample");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HardNegRules.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Repository root not found.");
    }
}
