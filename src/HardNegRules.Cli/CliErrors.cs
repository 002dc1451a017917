using System.Text.Json;
using HardNegRules.Training.Training;
using YamlDotNet.Core;

namespace HardNegRules.Cli;

/// <summary>
/// The program's one error boundary: every exception, from any command or thread, ends as one line on stderr and an
/// exit code, never a stack trace. Errors the user can fix say what to do; anything else is an internal error whose
/// details (the full exception) go to a log file that the line names.
/// </summary>
internal static class CliErrors
{
    /// <summary>Exit code for rule errors.</summary>
    public const int RuleErrors = 1;

    /// <summary>Exit code for bad arguments or unreadable input.</summary>
    public const int UsageErrors = 2;

    /// <summary>Exit code for an internal error (a bug, or a failure the program could not attribute to the input).</summary>
    public const int InternalError = 3;

    /// <summary>Exit code when the user interrupted the run (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    /// <summary>Runs the program, turning any exception into a message on <paramref name="stderr"/> and an exit code.</summary>
    /// <param name="run">The program.</param>
    /// <param name="stderr">Where messages go (default: the process's stderr).</param>
    /// <returns>The exit code.</returns>
    public static int Run(Func<int> run, TextWriter? stderr = null)
    {
        try
        {
            return run();
        }
#pragma warning disable CA1031 // the boundary of the whole program: nothing may escape as a stack trace
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Report(e, stderr ?? Console.Error);
        }
    }

    /// <summary>
    /// Runs work in which an <see cref="InvalidOperationException"/> means that the user's input does not fit (a
    /// checkpoint of another set-up, a device that is not there): it is reported as a usage error, not as a bug.
    /// </summary>
    /// <typeparam name="T">The work's result.</typeparam>
    /// <param name="work">The work.</param>
    /// <returns>Its result.</returns>
    public static T UserInput<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException(e.Message, e);
        }
    }

    /// <summary>Ends the process with a report when an exception escapes a thread other than the main one.</summary>
    public static void HandleOtherThreads() =>
        AppDomain.CurrentDomain.UnhandledException += (_, e) => Environment.Exit(Report(
            e.ExceptionObject as Exception ?? new InvalidOperationException($"non-exception object thrown: {e.ExceptionObject}"), Console.Error));

    // Writes the one-line report of an exception and returns its exit code.
    private static int Report(Exception e, TextWriter stderr)
    {
        (int code, string message) = e switch
        {
            RuleException => (RuleErrors, e.Message),
            CommandParseException or CommandRuntimeException => (UsageErrors, $"hardneg: {SpectreMessage(e)}"),
            OperationCanceledException => (Cancelled, "hardneg: cancelled."),
            NonFiniteLossException => (InternalError, $"hardneg: {OneLine(e.Message)}"),
            ArgumentNullException => (InternalError, Internal(e)),
            // Argument checks append "(Parameter 'name')", which speaks of code, not of the user's input.
            ArgumentException a => (UsageErrors, $"hardneg: {OneLine(a.Message.Replace($" (Parameter '{a.ParamName}')", string.Empty, StringComparison.Ordinal))}"),
            IOException or InvalidDataException or UnauthorizedAccessException or FormatException or JsonException or YamlException
                => (UsageErrors, $"hardneg: {OneLine(e.Message)}"),
            _ => (InternalError, Internal(e)),
        };
        stderr.WriteLine(message);
        return code;
    }

    // An error the user cannot act on: its details go to a log file that the line names.
    private static string Internal(Exception e)
    {
        string details = ErrorLog.Write(e) is { } log ? $"details in {log}" : "the details could not be written to a log file";
        string what = e is OutOfMemoryException or InsufficientExecutionStackException
            ? "out of memory (try a smaller batch, model or input)"
            : $"{OneLine(e.Message)} ({e.GetType().Name})";
        return $"hardneg: internal error: {what}; {details}. Please report it with that file.";
    }

    // Spectre names the .NET type when a value does not convert ("to Nullable`1"); options are checked before
    // parsing, so this is only the fallback wording.
    private static string SpectreMessage(Exception e) =>
        e.Message.StartsWith("Failed to convert", StringComparison.Ordinal) && e.Message.IndexOf('\'', 19) is > 19 and var end
            ? $"{e.Message[18..(end + 1)]} is not a valid value for its option (see --help)."
            : OneLine(e.Message);

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
