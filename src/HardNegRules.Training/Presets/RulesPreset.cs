using HardNegRules.Training.Loss;

namespace HardNegRules.Training.Presets;

/// <summary>The <c>rules:</c> section: which rule pack makes the hard negatives, how many, and how they enter the loss.</summary>
public sealed record RulesPreset
{
    /// <summary>The rule pack.</summary>
    public string Pack { get; init; } = "concept-world";

    /// <summary>A rules folder read at run time (the interpreter) instead of the rules compiled in; null for the
    /// compiled rules. Set by <c>--rules DIR</c>.</summary>
    public string? Directory { get; init; }

    /// <summary>Concepts negatives may change; empty for all of the pack's.</summary>
    public IReadOnlyList<string> Concepts { get; init; } = [];

    /// <summary>Hard negatives per caption per step; 0 trains plain CLIP.</summary>
    public int K { get; init; } = 1;

    /// <summary>Append (extra columns) or replace (a negative takes a random in-batch negative's place).</summary>
    public HardNegativeMode Mode { get; init; } = HardNegativeMode.Append;

    /// <summary>Relative chance of each concept among a caption's negatives (e.g. <c>location: 3</c>); concepts not
    /// named weigh 1. Empty: the rule pack's own balance.</summary>
    public IReadOnlyDictionary<string, double> Weight { get; init; } = new Dictionary<string, double>();

    /// <summary>Chance that a negative is a swap (two terms of the caption exchanged: binding) when the caption has
    /// one; null keeps the rule pack's own balance of swaps and replacements.</summary>
    public double? SwapShare { get; init; }

    /// <summary>Where the hard negatives come from: <c>rules</c> (the rule pack) or <c>dataset</c> (the data set's own,
    /// e.g. NegCLIP's neg_caption column).</summary>
    public string Source { get; init; } = RulesSource;

    /// <summary>Negatives made by the rule pack.</summary>
    public const string RulesSource = "rules";

    /// <summary>Negatives the data set brings.</summary>
    public const string DatasetSource = "dataset";

    /// <summary>Concept world only: drop training negatives that the world's checker finds true of the scene (a color
    /// swap between two red objects says the same thing), so the choice falls to a negative that is really false.</summary>
    public bool CheckWorld { get; init; }

    /// <summary>Concept world only: drop training negatives that name a color-shape pair no training image shows. Such a
    /// pair ("red star" when red stars are held out) would appear in training only inside negatives, so text alone
    /// would tell the negative from the caption, and the model would learn to reject the pair itself.</summary>
    public bool SeenPairsOnly { get; init; }

    /// <summary>Weight of the loss's ranking term: each caption against its own hard negatives alone (0: none).</summary>
    public double RankingWeight { get; init; }
}
