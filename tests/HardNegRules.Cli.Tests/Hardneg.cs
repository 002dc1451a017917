using System.Diagnostics;

namespace HardNegRules.Cli.Tests;

/// <summary>Runs the built <c>hardneg</c> as a separate process, as a user would.</summary>
internal static class Hardneg
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args) => RunIn(Environment.CurrentDirectory, args);

    public static Result RunIn(string workingDirectory, params string[] args) => RunWith(workingDirectory, new Dictionary<string, string?>(), args);

    /// <summary>Runs with <paramref name="environment"/> added to the process's environment.</summary>
    public static Result RunWith(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hardneg.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        foreach ((string name, string? value) in environment)
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"hardneg {string.Join(' ', args)} did not finish in 2 minutes");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string RepositoryRoot { get; } = FindRoot();

    // Every test's folder is made below one folder of this test run, deleted when the run ends (TestRunFolder): the
    // outputs of a run (NegCLIP files of COCO, checkpoints) take over 100 MB.
    private static readonly string RunFolder =
        Path.Combine(Path.GetTempPath(), "hardneg-cli-tests", $"{Environment.ProcessId}-{Guid.NewGuid():N}");

    public static string TempDirectory()
    {
        string path = Path.Combine(RunFolder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Deletes the folders <see cref="TempDirectory"/> made in this test run.</summary>
    public static void DeleteTempDirectories()
    {
        if (Directory.Exists(RunFolder))
        {
            Directory.Delete(RunFolder, recursive: true);
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in <paramref name="directory"/>.</summary>
    /// <returns>The file's path.</returns>
    public static string WriteFile(string directory, string name, string text)
    {
        string path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

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
