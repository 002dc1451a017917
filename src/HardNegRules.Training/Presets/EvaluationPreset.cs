using HardNegRules.Training.Evaluation.ConceptWorld;

namespace HardNegRules.Training.Presets;

/// <summary>The <c>evaluation:</c> section.</summary>
public sealed record EvaluationPreset
{
    /// <summary>Rule-made negatives per caption and concept for text ranking.</summary>
    public int NegativesPerConcept { get; init; } = 3;

    /// <summary>Seed of the evaluation negatives.</summary>
    public ulong Seed { get; init; }

    /// <summary>Only the first this many test scenes (real data: held-out images); null for all.</summary>
    public int? MaxTestScenes { get; init; }

    /// <summary>The evaluator's options.</summary>
    /// <returns>The options.</returns>
    public ConceptWorldEvaluationOptions ToOptions() => new()
    {
        NegativesPerConcept = NegativesPerConcept,
        Seed = Seed,
        MaxTestScenes = MaxTestScenes,
    };
}
