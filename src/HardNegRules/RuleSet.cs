using HardNegRules.IO;
using HardNegRules.Permutation;
using HardNegRules.Rules.Compilation;
using HardNegRules.Rules.Diagnostics;
using HardNegRules.Rules.Parsing;

namespace HardNegRules;

/// <summary>
/// Rules read from a folder at run time, no rebuild needed: the same parser and compiler as the build, interpreted.
/// Files directly in the folder form the "default" pack; each subfolder is a pack of its own (its "presets" folder is not).
/// </summary>
public sealed class RuleSet
{
    private readonly Dictionary<string, InterpretedPermuter> _permuters;

    private RuleSet(string directory, RuleCompilation compilation)
    {
        Directory = directory;
        Diagnostics = compilation.Diagnostics;
        _permuters = compilation.Packs.ToDictionary(p => p.Name, p => new InterpretedPermuter(p), StringComparer.Ordinal);
    }

    /// <summary>The folder the rules were read from.</summary>
    public string Directory { get; }

    /// <summary>Every diagnostic found, as the build reports them.</summary>
    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; }

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == RuleSeverity.Error);

    /// <summary>The packs that compiled.</summary>
    public IReadOnlyCollection<string> Packs => _permuters.Keys;

    /// <summary>Reads and compiles every rule file under <paramref name="directory"/>, collecting diagnostics (never throws on bad rules).</summary>
    /// <param name="directory">The rules folder.</param>
    /// <returns>The rule set; check <see cref="HasErrors"/>.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">The folder holds no rule file.</exception>
    /// <exception cref="NotARegularFileException">A rule file's name is taken by a named pipe, device or folder.</exception>
    public static RuleSet Check(string directory)
    {
        IReadOnlyList<RuleSource> files = ReadFiles(directory);
        return new RuleSet(Path.GetFullPath(directory), RuleCompiler.Compile(files));
    }

    /// <summary>
    /// Reads the rule files under <paramref name="directory"/> without compiling them: <c>*.yaml</c> and <c>*.yml</c>
    /// directly in it (the default pack) and in its subfolders (a pack each; not <c>presets</c>), in path order, each
    /// with its path relative to the working directory and its pack.
    /// </summary>
    /// <param name="directory">The rules folder.</param>
    /// <returns>The files.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">The folder holds no rule file.</exception>
    /// <exception cref="NotARegularFileException">A rule file's name is taken by a named pipe, device or folder.</exception>
    public static IReadOnlyList<RuleSource> ReadFiles(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Rules folder '{directory}' does not exist.");
        }

        string root = Path.GetFullPath(directory);
        var sources = new List<RuleSource>();
        foreach (string file in System.IO.Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                     .Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(root, file);
            if (RulePaths.PackOf(relative) is { } pack)
            {
                // Read one character past the size limit at most: the parser reports the file as over it.
                string text = InputFile.ReadAllText(file, RuleFileLimits.MaxChars);
                sources.Add(new RuleSource(Path.GetRelativePath(Environment.CurrentDirectory, file), pack, text));
            }
        }

        return sources.Count > 0
            ? sources
            : throw new FileNotFoundException(
                $"No rule files in '{directory}': rules are *.yaml (or *.yml) files in the folder (the default pack) or in its subfolders (one pack each). Give the rules folder, e.g. 'rules'.");
    }

    /// <summary>Reads and compiles the rules under <paramref name="directory"/>; throws when they have errors.</summary>
    /// <param name="directory">The rules folder.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="RuleException">The rules have errors; the exception lists them.</exception>
    public static RuleSet Load(string directory)
    {
        RuleSet rules = Check(directory);
        return rules.HasErrors ? throw new RuleException(rules.Diagnostics) : rules;
    }

    /// <summary>The interpreted permuter of a pack.</summary>
    /// <param name="pack">The pack's name.</param>
    /// <returns>The permuter.</returns>
    /// <exception cref="ArgumentException">No such pack compiled.</exception>
    public IPermuter Get(string pack = HardNegRules.Rules.Compilation.RulePaths.DefaultPack) =>
        _permuters.TryGetValue(pack, out InterpretedPermuter? permuter)
            ? permuter
            : throw new ArgumentException($"No rule pack '{pack}' in '{Directory}'; packs: {string.Join(", ", _permuters.Keys.Order(StringComparer.Ordinal))}.", nameof(pack));
}

/// <summary>Rules that do not compile; the message lists every error as the build prints it.</summary>
public sealed class RuleException : Exception
{
    /// <summary>Creates the exception from the diagnostics.</summary>
    /// <param name="diagnostics">The diagnostics.</param>
    public RuleException(IReadOnlyList<RuleDiagnostic> diagnostics)
        : base("The rules have errors:" + Environment.NewLine + string.Join(Environment.NewLine, diagnostics.Where(d => d.Severity == RuleSeverity.Error)))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public RuleException(string message)
        : base(message) => Diagnostics = [];

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RuleException(string message, Exception innerException)
        : base(message, innerException) => Diagnostics = [];

    /// <summary>The diagnostics.</summary>
    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; }
}
