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
    public static string[] Normalize(string[] args)
    {
        string[] result = new string[args.Length];
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            result[i] = arg == "--k" ? "-k" : arg.StartsWith("--k=", StringComparison.Ordinal) ? "-k=" + arg[4..] : arg;
        }

        return result;
    }

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
        args.Length == 1 && catalog.Commands.Any(c => c.StartsWith(args[0] + " ", StringComparison.Ordinal)) ? [args[0], "--help"] : args;

    /// <summary>
    /// Checks every option of the command the arguments name: an option the command does not have, or a value that
    /// is not of the option's kind (<c>--seed abc</c>), is a usage error naming the option and the nearest known one.
    /// Arguments that name no known command are left to the parser (help, unknown commands).
    /// </summary>
    /// <param name="args">The normalized arguments.</param>
    /// <param name="catalog">The commands and their options.</param>
    /// <exception cref="ArgumentException">An unknown option or a bad value (a usage error).</exception>
    public static void Check(IReadOnlyList<string> args, OptionCatalog catalog)
    {
        (string? command, int first) = FindCommand(args, catalog);
        if (command is null)
        {
            CheckCommand(args, catalog);
            return;
        }
        IReadOnlyList<CommandOptionInfo> options = catalog.OptionsOf(command)!;
        for (int i = first; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                return; // everything after is an argument
            }
            if (arg.Length < 2 || arg[0] != '-' || char.IsDigit(arg[1]) || arg[1] == '.')
            {
                continue; // an argument (or a negative number)
            }
            int separator = arg.IndexOfAny(['=', ':'], 1);
            string spelled = separator > 0 ? arg[..separator] : arg;
            string? inlineValue = separator > 0 ? arg[(separator + 1)..] : null;
            if (spelled.StartsWith("--", StringComparison.Ordinal) || spelled.Length == 2)
            {
                CommandOptionInfo option = Find(spelled, command, options);
                if (option.TakesValue)
                {
                    string? value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
                    string shownName = spelled == "-k" ? "--k" : spelled;
                    if (value is not null && OptionValues.Problem(shownName, value, option.ValueType) is { } problem)
                    {
                        throw new ArgumentException(problem);
                    }
                }
            }
            else
            {
                // Grouped short flags (-ab): each letter must be an option.
                foreach (char letter in spelled[1..])
                {
                    Find("-" + letter, command, options);
                }
            }
        }
    }

    private static CommandOptionInfo Find(string spelled, string command, IReadOnlyList<CommandOptionInfo> options)
    {
        foreach (CommandOptionInfo option in options)
        {
            if (option.Names.Contains(spelled, StringComparer.Ordinal))
            {
                return option;
            }
        }
        string shown = spelled == "-k" ? "--k" : spelled;
        IEnumerable<string> names = options.SelectMany(o => o.Names).Where(n => n.StartsWith("--", StringComparison.Ordinal));
        string? nearest = Nearest(spelled, names);
        string known = string.Join(", ", options.Where(o => o.DisplayName != "--help").Select(o => o.DisplayName == "-k" ? "--k" : o.DisplayName));
        throw new ArgumentException(nearest is not null
            ? $"{command}: unknown option {shown}; did you mean {nearest}?"
            : known.Length > 0
                ? $"{command}: unknown option {shown}; its options are {known} (see hardneg {command} --help)."
                : $"{command}: unknown option {shown}; it has no options (see hardneg {command} --help).");
    }

    // A first word that is no command (nor the start of one) gets the nearest command; the parser would only say
    // that it is unknown.
    private static void CheckCommand(IReadOnlyList<string> args, OptionCatalog catalog)
    {
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            return;
        }
        bool isBranch = catalog.Commands.Any(c => c.StartsWith(args[0] + " ", StringComparison.Ordinal));
        if (isBranch && (args.Count == 1 || args[1].StartsWith('-')))
        {
            return; // a branch alone shows its help
        }
        string typed = isBranch ? $"{args[0]} {args[1]}" : args[0];
        string? nearest = Nearest(typed, catalog.Commands.Select(c => isBranch || !c.Contains(' ', StringComparison.Ordinal) ? c : c[..c.IndexOf(' ', StringComparison.Ordinal)]).Distinct());
        string known = string.Join(", ", catalog.Commands.Select(c => c.Contains(' ', StringComparison.Ordinal) ? c[..c.IndexOf(' ', StringComparison.Ordinal)] : c).Distinct());
        throw new ArgumentException(nearest is not null
            ? $"unknown command '{typed}'; did you mean {nearest}?"
            : $"unknown command '{typed}'; the commands are {known} (see hardneg --help).");
    }

    // A typo changes a few letters; a longer name may differ by a third of its letters and still be meant.
    private static string? Nearest(string typed, IEnumerable<string> known) =>
        NearestName.Find(typed, known, Math.Max(2, typed.TrimStart('-').Length / 3));

    private static (string? Command, int Next) FindCommand(IReadOnlyList<string> args, OptionCatalog catalog)
    {
        string? found = null;
        int next = 0;
        string path = string.Empty;
        for (int i = 0; i < args.Count && !args[i].StartsWith('-'); i++)
        {
            path = path.Length == 0 ? args[i] : $"{path} {args[i]}";
            if (catalog.OptionsOf(path) is not null)
            {
                found = path;
                next = i + 1;
            }
        }
        return (found, next);
    }
}
