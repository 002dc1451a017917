namespace HardNegRules.Negatives;

/// <summary>What a <see cref="NegativesJob"/> makes and how it runs.</summary>
public sealed record NegativesJobOptions
{
    /// <summary>The most negatives per caption.</summary>
    public int K { get; init; } = 3;

    /// <summary>The run's seed: with the caption's id and the epoch it decides each caption's draw.</summary>
    public ulong Seed { get; init; }

    /// <summary>The epoch mixed into each caption's seed.</summary>
    public int Epoch { get; init; }

    /// <summary>The concepts allowed (<see cref="ConceptMask"/>).</summary>
    public ulong ConceptMask { get; init; } = HardNegRules.ConceptMask.All;

    /// <summary>Worker threads; the output is the same for any number.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>The output format.</summary>
    public NegativesFormat Format { get; init; } = NegativesFormat.Jsonl;

    /// <summary>Prefix of image paths in the NegCLIP TSV.</summary>
    public string ImageRoot { get; init; } = string.Empty;

    /// <summary>How many rows the NegCLIP TSV's <c>neg_image</c> names per row (NegCLIP's own files name 3).</summary>
    public int NegativeImages { get; init; } = 3;

    /// <summary>Records per chunk handed to a worker.</summary>
    public int ChunkRecords { get; init; } = 2048;

    /// <summary>Validates the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(K, nameof(K));
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
        ArgumentOutOfRangeException.ThrowIfNegative(NegativeImages, nameof(NegativeImages));
        ArgumentOutOfRangeException.ThrowIfLessThan(ChunkRecords, 1, nameof(ChunkRecords));
        ArgumentNullException.ThrowIfNull(ImageRoot);
    }
}
