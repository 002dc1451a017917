using HardNegRules.Rules.Text;

namespace HardNegRules.Cli;

/// <summary>Small rewrites of the command line before it is parsed, and the strict checks of its options.</summary>
internal static class CommandLine
{
    /// <summary>
    /// Accepts <c>--k N</c> and <c>--k=N</c>, the spelling the documentation and other tools use, as <c>-k</c>: the
    /// parser only takes long option names of two or more letters.
    /// </summary>
    /// <param name="args">The arguments as given.</param>
    /// <returns>The arguments to parse.</returns>
    public static string[] Normalize(string[] args) =>
        [.. args.Select(arg => arg == "--k" ? "-k" : arg.StartsWith("--k=", StringComparison.Ordinal) ? "-k=" + arg[4..] : arg)];

    /// <summary>The command line this process runs, quoted where a shell would need it (for run folders and reports).</summary>
    /// <returns>The command line.</returns>
    public static string Current() =>
        "hardneg " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(Quote));

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_./=:,".Contains(c, StringComparison.Ordinal)) ? arg : $"'{arg}'";

    /// <summary>A command group typed alone (<c>hardneg rules</c>) asks for its help: show it, successfully.</summary>
    /// <param name="args">The normalized arguments.</param>
    /// <param name="catalog">The commands.</param>
    /// <returns>The arguments to parse.</returns>
    public static string[] HelpForGroup(string[] args, OptionCatalog catalog) =>
        args.Length == 1 && catalog.IsGroup(args[0]) ? [args[0], "--help"] : args;

    /// <summary>
    /// Checks every option of the command the arguments name: an option the command does not have, or a value that
    /// is not of the option's kind (<c>--seed abc</c>), is a usage error naming the option and the nearest known one.
    /// A first word that is no command gets the nearest command. Help and a group alone are left to the parser.
    /// </summary>
    /// <param name="args">The normalized arguments.</param>
    /// <param name="catalog">The commands and their options.</param>
    /// <exception cref="ArgumentException">An unknown command or option, or a bad value (a usage error).</exception>
    public static void Check(IReadOnlyList<string> args, OptionCatalog catalog)
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
        for (int i = count; i < args.Count && args[i] != "--"; i++) // after "--" everything is an argument
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
            string? value = !option.TakesValue ? null : separator > 0 ? arg[(separator + 1)..] : i + 1 < args.Count ? args[++i] : null;
            if (value is not null && OptionValues.Problem(Shown(spelled), value, option.ValueType) is { } problem)
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
        string known = string.Join(", ", options.Select(o => Shown(o.DisplayName)).Where(n => n != "--help"));
        throw Unknown(spelled, $"{command}: unknown option {Shown(spelled)}",
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

    // -k is the parser's spelling of --k (see Normalize); messages use the user's.
    private static string Shown(string name) => name == "-k" ? "--k" : name;
}
