namespace HardNegRules.Training.Benchmarks;

/// <summary>What one benchmarked step includes.</summary>
public enum BenchmarkScope
{
    /// <summary>A real <see cref="Training.Trainer"/> step: worker-thread batch preparation (tokenising the
    /// negatives too), forward, loss, backward, gradient clipping and the AdamW update.</summary>
    TrainingStep,

    /// <summary>Forward, loss and backward on fixed tensors: the model's compute alone, no data side, no optimizer.</summary>
    ForwardBackward,
}
