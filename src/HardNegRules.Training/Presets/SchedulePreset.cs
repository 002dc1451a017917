namespace HardNegRules.Training.Presets;

/// <summary>The <c>schedule:</c> section: optimisation steps, batch, learning rate, seed.</summary>
public sealed record SchedulePreset
{
    /// <summary>Optimizer steps.</summary>
    public int Steps { get; init; } = 1000;

    /// <summary>Image-caption pairs per step.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Peak learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Linear warmup steps.</summary>
    public int Warmup { get; init; } = 50;

    /// <summary>AdamW decoupled weight decay on weight matrices (see <see cref="Training.TrainerOptions.WeightDecay"/>).</summary>
    public double WeightDecay { get; init; } = 0.1;

    /// <summary>AdamW beta2.</summary>
    public double Beta2 { get; init; } = 0.98;

    /// <summary>The global gradient norm is clipped to this; 0 turns clipping off.</summary>
    public double GradientClip { get; init; } = 1.0;

    /// <summary>Seed of the initialisation, data order and negatives.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Checkpoint every this many steps (and at the end).</summary>
    public int CheckpointEvery { get; init; } = 200;

    /// <summary>Write TensorBoard event files into the run folder (besides metrics.jsonl).</summary>
    public bool TensorBoard { get; init; } = true;

    /// <summary>
    /// <c>hardneg experiment</c> only: steps of plain CLIP trained once, from which both arms then train
    /// <see cref="Steps"/> more (the paper's recipe: fine-tune a plain model with hard negatives); 0: both from scratch.
    /// </summary>
    public int PretrainSteps { get; init; }
}
