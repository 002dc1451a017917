using HardNegRules.Generated;

namespace HardNegRules;

/// <summary>The permuters compiled into this library at build time from the repository's <c>rules/**/*.yaml</c>.</summary>
public static class Permuters
{
    /// <summary>The default pack's name (the rule files directly under rules/).</summary>
    public const string DefaultPack = "default";

    /// <summary>The names of the compiled packs.</summary>
    public static IReadOnlyList<string> Packs => GeneratedPermuters.Packs;

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
}
