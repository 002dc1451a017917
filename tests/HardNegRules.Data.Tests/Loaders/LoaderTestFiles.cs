namespace HardNegRules.Data.Tests.Loaders;

/// <summary>A temporary folder per test, and the repository's real test images.</summary>
public abstract class LoaderTestFiles
{
    protected string Dir { get; private set; } = null!;

    protected static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Three real COCO val2017 JPEGs (tests/data/coco/images, Flickr terms).</summary>
    protected static string CocoImages => Path.Combine(RepositoryRoot, "tests", "data", "coco", "images");

    /// <summary>The repository's real test data (tests/data: COCO, NegCLIP and SugarCrepe samples, with their licences).</summary>
    protected static string TestData => Path.Combine(RepositoryRoot, "tests", "data");

    [SetUp]
    public void CreateFolder()
    {
        Dir = Path.Combine(Path.GetTempPath(), "hardneg-loader-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(Dir, recursive: true);

    protected string Write(string name, string text)
    {
        string path = Path.Combine(Dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    protected string Touch(string name) => Write(name, string.Empty);

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
