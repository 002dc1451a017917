namespace HardNegRules.Training.Merging;

/// <summary>What <see cref="CheckpointMerge.Merge"/> merges and where it writes the result.</summary>
public sealed record CheckpointMergeOptions
{
    /// <summary>The checkpoint at alpha 0 (a <c>checkpoint.bin</c> or the run folder holding one).</summary>
    public required string From { get; init; }

    /// <summary>The checkpoint at alpha 1 (a <c>checkpoint.bin</c> or the run folder holding one).</summary>
    public required string To { get; init; }

    /// <summary>The weight of <see cref="To"/>, in [0, 1].</summary>
    public double Alpha { get; init; } = 0.5;

    /// <summary>The output run folder: receives <c>checkpoint.bin</c>, <c>run.json</c> and <c>merge.json</c>.</summary>
    public required string OutDirectory { get; init; }

    /// <summary>The preset both models were trained with; null reads it from <see cref="From"/>'s run folder
    /// (<c>run.json</c>), else the default preset.</summary>
    public string? Preset { get; init; }

    /// <summary>Preset overrides (<c>section.key=value</c>), applied after the run folder's own.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];
}
