using HardNegRules.Training.Loss;

namespace HardNegRules.Training.Training;

/// <summary>Schedule, optimisation, negatives, checkpoints and logging of a training run.</summary>
public sealed record TrainerOptions
{
    /// <summary>Optimizer steps of the whole run (the schedule's length); a resumed run continues to the same total.</summary>
    public int TotalSteps { get; init; } = 1000;

    /// <summary>Image-caption pairs per step (hard negatives come on top).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Peak learning rate, reached at the end of the warmup.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Linear warmup steps from near zero to <see cref="LearningRate"/>; cosine decay follows.</summary>
    public int WarmupSteps { get; init; } = 50;

    /// <summary>The learning rate at the end of the cosine decay, as a fraction of <see cref="LearningRate"/>.</summary>
    public double FinalLearningRateFraction { get; init; }

    /// <summary>AdamW decoupled weight decay for weight matrices (norms, biases, positional embeddings and the logit
    /// scale get none).</summary>
    public double WeightDecay { get; init; } = 0.1;

    /// <summary>AdamW beta1.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>AdamW beta2 (0.98 as in CLIP: steadier with large contrastive batches).</summary>
    public double Beta2 { get; init; } = 0.98;

    /// <summary>AdamW epsilon.</summary>
    public double Epsilon { get; init; } = 1e-6;

    /// <summary>Clip the global gradient norm to this value; 0 or less disables clipping.</summary>
    public double GradientClipNorm { get; init; } = 1.0;

    /// <summary>Seed of the data order, of the Replace mode's column choice and of torch's generator.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Hard negatives requested per caption per step (k); 0 trains plain CLIP.</summary>
    public int NegativesPerCaption { get; init; }

    /// <summary>How hard negatives enter the loss.</summary>
    public HardNegativeMode NegativeMode { get; init; } = HardNegativeMode.Append;

    /// <summary>Weight of the loss's ranking term (each caption against its own hard negatives alone); 0 leaves it
    /// out. See <see cref="HardNegativeLoss"/>.</summary>
    public double RankingWeight { get; init; }

    /// <summary>Where checkpoints go (the file <c>checkpoint.bin</c> and its <c>checkpoint.json</c> sidecar); null
    /// disables checkpoints.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>Write a checkpoint every this many steps (and at the end of the run); 0 or less: only at the end.</summary>
    public int CheckpointEvery { get; init; } = 200;

    /// <summary>Per-step metrics as JSON lines (appended, so a resumed run continues the file); null disables.</summary>
    public string? MetricsPath { get; init; }

    /// <summary>Directory for TensorBoard event files; null disables.</summary>
    public string? TensorBoardDirectory { get; init; }

    /// <summary><c>cpu</c> or <c>cuda</c> (<c>cuda:N</c>).</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Torch intra-op threads; 0 means one per core. Batch preparation runs on its own worker thread.</summary>
    public int Threads { get; init; }

    /// <summary>Threads that read (decode, render) a batch's samples at once; 1 reads them one after another. Samples
    /// land in batch order whatever the count, so a run's batches do not depend on it.</summary>
    public int DecodeWorkers { get; init; } = 1;

    /// <summary>Batches prepared ahead by the worker thread (bounded, so memory stays flat).</summary>
    public int PrefetchBatches { get; init; } = 2;

    /// <summary>Throws <see cref="ArgumentException"/> for values no run can use.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(TotalSteps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(WarmupSteps);
        ArgumentOutOfRangeException.ThrowIfNegative(WeightDecay);
        ArgumentOutOfRangeException.ThrowIfNegative(NegativesPerCaption);
        ArgumentOutOfRangeException.ThrowIfLessThan(PrefetchBatches, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(DecodeWorkers, 1);
        if (FinalLearningRateFraction is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(FinalLearningRateFraction), "Must be within [0, 1].");
        }
    }
}
