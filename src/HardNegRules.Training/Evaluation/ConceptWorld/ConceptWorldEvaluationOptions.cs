namespace HardNegRules.Training.Evaluation.ConceptWorld;

/// <summary>Settings of <see cref="ConceptWorldEvaluation"/>.</summary>
public sealed record ConceptWorldEvaluationOptions
{
    /// <summary>Rule-made negatives drawn per caption and concept for text ranking.</summary>
    public int NegativesPerConcept { get; init; } = 3;

    /// <summary>The seed of the negatives' draw (each caption's draw is seeded from it, its id and epoch 0).</summary>
    public ulong Seed { get; init; }

    /// <summary>Evaluate on the first this many test scenes only; null for all.</summary>
    public int? MaxTestScenes { get; init; }

    /// <summary>Rows per forward pass.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Throws <see cref="ArgumentException"/> for values no evaluation can use.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(NegativesPerConcept, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1);
        if (MaxTestScenes is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTestScenes), "Must be at least 1 when given.");
        }
    }
}
