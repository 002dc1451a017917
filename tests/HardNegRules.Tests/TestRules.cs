using System.Text.Json;

namespace HardNegRules.Tests;

/// <summary>Rule folders for tests: the repository's own, or small ones written to a temporary folder.</summary>
internal static class TestRules
{
    /// <summary>The repository's rules folder, found by walking up from the test assembly.</summary>
    public static string RepositoryRules { get; } = FindRepositoryRules();

    public static IPermuter Interpret(params (string File, string Yaml)[] files)
    {
        string directory = Path.Combine(Path.GetTempPath(), "hardneg-tests", Guid.NewGuid().ToString("N"));
        foreach ((string file, string yaml) in files)
        {
            string path = Path.Combine(directory, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, yaml);
        }

        try
        {
            return RuleSet.Load(directory).Get();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The COCO caption sample (3,000 captions, CC BY 4.0).</summary>
    public static IReadOnlyList<(string Id, string Caption)> CocoSample { get; } = LoadSample();

    private static List<(string, string)> LoadSample()
    {
        var result = new List<(string, string)>();
        foreach (string line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "captions_val2017_sample.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            result.Add((doc.RootElement.GetProperty("id").GetRawText(), doc.RootElement.GetProperty("caption").GetString()!));
        }

        return result;
    }

    private static string FindRepositoryRules()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HardNegRules.sln")))
            {
                return Path.Combine(dir.FullName, "rules");
            }
        }

        throw new InvalidOperationException("The repository root (HardNegRules.sln) was not found above the test assembly.");
    }
}
