using System.Reflection;
using HardNegRules.Generated;
using HardNegRules.Rules.Compilation;

namespace HardNegRules;

/// <summary>The permuters compiled into this library at build time from the repository's <c>rules/**/*.yaml</c>.</summary>
public static class Permuters
{
    /// <summary>The default pack's name (the rule files directly under rules/).</summary>
    public const string DefaultPack = "default";

    /// <summary>The names of the compiled packs.</summary>
    public static IReadOnlyList<string> Packs => GeneratedPermuters.Packs;

    private const string RulesPrefix = "rules/";

    private static readonly Lazy<IReadOnlyList<RuleSource>> EmbeddedRuleFiles = new(ReadRuleFiles);

    /// <summary>
    /// The rule files the compiled packs were built from, embedded in this library as written: each with its path
    /// (<c>rules/color.yaml</c>), pack and text, in path order. Tools that judge the engine by reading the YAML again
    /// (the quality checks) read the built-in packs here, wherever the program runs.
    /// </summary>
    public static IReadOnlyList<RuleSource> RuleFiles => EmbeddedRuleFiles.Value;

    /// <summary>The permuter of the default pack (color, location, object, size).</summary>
    public static IPermuter Default => Get(DefaultPack);

    /// <summary>The compiled permuter of a pack.</summary>
    /// <param name="pack">The pack's name.</param>
    /// <returns>The permuter.</returns>
    /// <exception cref="ArgumentException">No such pack was compiled.</exception>
    public static IPermuter Get(string pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return GeneratedPermuters.Get(pack) ??
            throw new ArgumentException($"No rule pack '{pack}' is compiled in; compiled packs: {string.Join(", ", Packs)}. Use --rules DIR for rules read at run time.", nameof(pack));
    }

    /// <summary>
    /// The permuter of a pack: compiled in, or interpreted from the rule files of <paramref name="rulesDirectory"/> when
    /// one is given (the same rules give the same negatives either way). Every command and preset picks its permuter here.
    /// </summary>
    /// <param name="pack">The pack's name.</param>
    /// <param name="rulesDirectory">A rules folder to read at run time, or null for the compiled rules.</param>
    /// <returns>The permuter.</returns>
    /// <exception cref="ArgumentException">No such pack.</exception>
    /// <exception cref="RuleException">The folder's rules have errors.</exception>
    public static IPermuter Resolve(string pack, string? rulesDirectory) =>
        rulesDirectory is null ? Get(pack) : RuleSet.Load(rulesDirectory).Get(pack);

    private static List<RuleSource> ReadRuleFiles()
    {
        Assembly assembly = typeof(Permuters).Assembly;
        var files = new List<RuleSource>();
        // The build names each resource by its path under rules/; a Windows build writes that path with '\'.
        foreach (string resource in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            string path = resource.Replace('\\', '/');
            if (!path.StartsWith(RulesPrefix, StringComparison.Ordinal) || RulePaths.PackOf(path[RulesPrefix.Length..]) is not { } pack)
            {
                continue;
            }
            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            files.Add(new RuleSource(path, pack, reader.ReadToEnd()));
        }
        return files;
    }
}
