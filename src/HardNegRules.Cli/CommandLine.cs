namespace HardNegRules.Cli;

/// <summary>Small rewrites of the command line before it is parsed.</summary>
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
}
