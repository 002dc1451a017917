using HardNegRules.Rules.Text;

namespace HardNegRules.Cli;

/// <summary>Small rewrites of the command line before it is parsed, and the strict checks of its options.</summary>
internal static class CommandLine
{
    /// <summary>The command line this process runs, quoted where a shell would need it (for run folders and reports).</summary>
    /// <returns>The command line.</returns>
    public static string Current() =>
        "hardneg " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(Quote));

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_./=:,".Contains(c, StringComparison.Ordinal)) ? arg : $"'{arg}'";

    /// <summary>
    /// The arguments to parse, checked. Every option of the command the arguments name is checked: an option the
    /// command does not have, or a value that is not of the option's kind (<c>--seed abc</c>), is a usage error naming
    /// the option and the nearest known one; a first word that is no command gets the nearest command. A command group
    /// typed alone (<c>hardneg rules</c>) asks for its help. A one-letter option written with two dashes, as the
    /// documentation and other tools write <c>--k 3</c> and <c>--k=3</c>, is passed on with one: the parser takes long
    /// option names of two or more letters only.
    /// </summary>
    /// <param name="args">The arguments as given.</param>
    /// <param name="catalog">The commands and their options.</param>
    /// <returns>The arguments to parse.</returns>
    /// <exception cref="ArgumentException">An unknown command or option, or a bad value (a usage error).</exception>
    public static string[] Prepare(string[] args, OptionCatalog catalog)
    {
        if (args.Length == 1 && catalog.IsGroup(args[0]))
        {
            return [args[0], "--help"];
        }
        Check(args, catalog);
        return [.. args.Select(arg => arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2 && char.IsLetter(arg[2]) && (arg.Length == 3 || arg[3] == '=') ? arg[1..] : arg)];
    }

    private static void Check(string[] args, OptionCatalog catalog)
    {
        string[] words = [.. args.TakeWhile(a => !a.StartsWith('-'))];
        int count = Enumerable.Range(1, words.Length).LastOrDefault(n => catalog.OptionsOf(string.Join(' ', words[..n])) is not null);
        if (count == 0)
        {
            CheckCommand(words, catalog);
            return;
        }
        string command = string.Join(' ', words[..count]);
        IReadOnlyList<CommandOptionInfo> options = catalog.OptionsOf(command)!;
        for (int i = count; i < args.Length && args[i] != "--"; i++) // after "--" everything is an argument
        {
            string arg = args[i];
            if (arg.Length < 2 || arg[0] != '-' || char.IsDigit(arg[1]) || arg[1] == '.')
            {
                continue; // an argument (or a negative number)
            }
            int separator = arg.IndexOfAny(['=', ':'], 1);
            string spelled = separator > 0 ? arg[..separator] : arg;
            if (!spelled.StartsWith("--", StringComparison.Ordinal) && spelled.Length != 2)
            {
                foreach (char letter in spelled[1..])
                {
                    Find("-" + letter, command, options); // grouped short flags (-ab): each letter must be an option
                }
                continue;
            }
            CommandOptionInfo option = Find(spelled, command, options);
            string? value = !option.TakesValue ? null : separator > 0 ? arg[(separator + 1)..] : i + 1 < args.Length ? args[++i] : null;
            if (value is not null && OptionValues.Problem(spelled, value, option.ValueType) is { } problem)
            {
                throw new ArgumentException(problem);
            }
        }
    }

    private static CommandOptionInfo Find(string spelled, string command, IReadOnlyList<CommandOptionInfo> options)
    {
        if (options.FirstOrDefault(o => o.Names.Contains(spelled, StringComparer.Ordinal)) is { } option)
        {
            return option;
        }
        string known = string.Join(", ", options.Select(o => o.DisplayName).Where(n => n != "--help"));
        throw Unknown(spelled, $"{command}: unknown option {spelled}",
            options.SelectMany(o => o.Names).Where(n => n.StartsWith("--", StringComparison.Ordinal)),
            $"{(known.Length > 0 ? $"its options are {known}" : "it has no options")} (see hardneg {command} --help).");
    }

    private static void CheckCommand(string[] words, OptionCatalog catalog)
    {
        if (words.Length == 0 || (catalog.IsGroup(words[0]) && words.Length == 1))
        {
            return; // help, or a group alone, which shows its help
        }
        bool inGroup = catalog.IsGroup(words[0]);
        string typed = inGroup ? $"{words[0]} {words[1]}" : words[0];
        IEnumerable<string> firstWords = catalog.Commands.Select(c => c.Split(' ')[0]).Distinct();
        throw Unknown(typed, $"unknown command '{typed}'", inGroup ? catalog.Commands : firstWords,
            $"the commands are {string.Join(", ", firstWords)} (see hardneg --help).");
    }

    // A typo changes a few letters; a longer name may differ by a third of its letters and still be meant. Failing
    // that, the message lists what there is.
    private static ArgumentException Unknown(string typed, string what, IEnumerable<string> known, string otherwise) =>
        new(NearestName.Find(typed, known, Math.Max(2, typed.TrimStart('-').Length / 3)) is { } nearest
            ? $"{what}; did you mean {nearest}?"
            : $"{what}; {otherwise}");
}
