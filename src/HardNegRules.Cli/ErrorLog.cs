using System.Runtime.InteropServices;

namespace HardNegRules.Cli;

/// <summary>Writes the full details of an internal error (exception, stack, command line) to a file in the temp folder.</summary>
internal static class ErrorLog
{
    /// <summary>The folder of the error logs.</summary>
    public static string Folder => Path.Combine(Path.GetTempPath(), "hardneg-errors");

    /// <summary>Writes the details of <paramref name="e"/> to a new file.</summary>
    /// <param name="e">The exception.</param>
    /// <returns>The file, or null when it could not be written.</returns>
    public static string? Write(Exception e)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            string path = Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture,
                $"hardneg-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log"));
            File.AppendAllText(path, string.Create(CultureInfo.InvariantCulture, $"""
                time (UTC): {DateTime.UtcNow:O}
                command: {CommandLine.Current()}
                directory: {Environment.CurrentDirectory}
                version: {typeof(ErrorLog).Assembly.GetName().Version}
                runtime: {RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription}

                {e}

                """));
            return path;
        }
#pragma warning disable CA1031 // the report must still reach the user when the log cannot be written
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
