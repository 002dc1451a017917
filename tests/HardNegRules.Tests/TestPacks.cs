namespace HardNegRules.Tests;

/// <summary>The two engines a behavioural test runs against.</summary>
public enum Engine
{
    /// <summary>The permuter the source generator compiled into the test assembly from Rules/**/*.yaml.</summary>
    Generated,

    /// <summary>The interpreter over the same files, read at run time.</summary>
    Interpreted,
}

/// <summary>The test packs in Rules/ (one folder per pack), through either engine.</summary>
internal static class TestPacks
{
    /// <summary>The test packs' folder, copied next to the test assembly.</summary>
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Rules");

    private static readonly Lazy<RuleSet> InterpretedTestPacks = new(() => RuleSet.Load(Folder));

    /// <summary>A test pack (a folder under Rules/) through one engine.</summary>
    public static IPermuter Pack(Engine engine, string pack) => engine == Engine.Generated
        ? HardNegRules.Generated.GeneratedPermuters.Get(pack) ?? throw new InvalidOperationException($"Pack '{pack}' was not generated.")
        : InterpretedTestPacks.Value.Get(pack);
}
