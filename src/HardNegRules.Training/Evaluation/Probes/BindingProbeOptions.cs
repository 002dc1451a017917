namespace HardNegRules.Training.Evaluation.Probes;

/// <summary>How <see cref="BindingProbe"/> fits and evaluates its probes.</summary>
public sealed record BindingProbeOptions
{
    /// <summary>Full-batch Adam steps of the probe.</summary>
    public int Steps { get; init; } = 300;

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>Adam's L2 penalty on the probe's weights.</summary>
    public double WeightDecay { get; init; } = 1e-5;

    /// <summary>Seeds the order in which the text side's captions name the objects.</summary>
    public int Seed { get; init; }

    /// <summary>Training-split scenes the probe is fitted on (the first ones, in index order).</summary>
    public int MaxTrainScenes { get; init; } = 4000;

    /// <summary>Binding twins (color then shape, in the world's order) evaluated; null for all.</summary>
    public int? MaxTwins { get; init; }

    /// <summary>Throws unless every option is in range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message names it).</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Steps, 1, nameof(Steps));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTrainScenes, 1, nameof(MaxTrainScenes));
        if (!(LearningRate > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be positive.");
        }
        if (!(WeightDecay >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "The weight decay must be zero or positive.");
        }
        if (MaxTwins is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTwins), MaxTwins, "At least one twin must be evaluated.");
        }
    }
}
