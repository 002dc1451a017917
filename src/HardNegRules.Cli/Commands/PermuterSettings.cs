namespace HardNegRules.Cli.Commands;

/// <summary>The options every command that makes negatives shares: which rules, which concepts, how many, which seed.</summary>
internal class PermuterSettings : CommandSettings
{
    [CommandOption("--pack <PACK>")]
    [Description("Rule pack: 'default' (rules/*.yaml) or a folder under rules/.")]
    [DefaultValue("default")]
    public string Pack { get; init; } = "default";

    [CommandOption("--rules <DIR>")]
    [Description("Read rules from DIR at run time (the interpreter) instead of using the rules compiled in.")]
    public string? RulesDirectory { get; init; }

    [CommandOption("--concepts <LIST>")]
    [Description("Only these concepts, comma-separated (e.g. color,size). Default: all.")]
    public string? Concepts { get; init; }

    [CommandOption("-k <K>")]
    [Description("Most negatives per caption (also written --k); default 6 for permute, 3 otherwise.")]
    public int? KOption { get; init; }

    /// <summary>Negatives per caption: the option, or the command's default.</summary>
    public int K => KOption ?? DefaultK;

    /// <summary>The command's default number of negatives per caption.</summary>
    protected virtual int DefaultK => 3;

    [CommandOption("--seed <SEED>")]
    [Description("Seed: the same seed gives the same negatives.")]
    [DefaultValue(0UL)]
    public ulong Seed { get; init; }

    [CommandOption("--epoch <EPOCH>")]
    [Description("Epoch mixed into each caption's seed (fresh negatives per epoch).")]
    [DefaultValue(0)]
    public int Epoch { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        KOption < 0 ? ValidationResult.Error("--k must be 0 or more.")
        : Epoch < 0 ? ValidationResult.Error($"--epoch must be 0 or more; got {Epoch}.")
        : ValidationResult.Success();

    /// <summary>The permuter these settings select, and the mask of the selected concepts.</summary>
    /// <returns>The permuter and mask.</returns>
    internal (IPermuter Permuter, ulong Mask) Resolve()
    {
        IPermuter permuter = Permuters.Resolve(Pack, RulesDirectory);
        string[]? concepts = Concepts?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (permuter, ConceptMask.Of(permuter, concepts));
    }
}
