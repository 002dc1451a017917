using HardNegRules;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HardNegRules.Cli;

/// <summary>Turns the errors a user can cause into one clear line on stderr and an exit code, not a stack trace.</summary>
internal static class CliErrors
{
    /// <summary>Exit code for rule errors.</summary>
    public const int RuleErrors = 1;

    /// <summary>Exit code for bad arguments or unreadable input.</summary>
    public const int UsageErrors = 2;

    public static IAnsiConsole Stderr { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public static int Run(Func<int> run)
    {
        try
        {
            return run();
        }
        catch (RuleException e)
        {
            Console.Error.WriteLine(e.Message);
            return RuleErrors;
        }
        catch (Exception e) when (e is CommandParseException or CommandRuntimeException)
        {
            Console.Error.WriteLine($"hardneg: {e.Message}");
            return UsageErrors;
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or FormatException)
        {
            Console.Error.WriteLine($"hardneg: {e.Message}");
            return UsageErrors;
        }
    }
}
