namespace HardNegRules.Training.Benchmarks;

/// <summary>What one benchmarked step includes. The parts other than <see cref="TrainingStep"/> run on one fixed
/// batch; together they show where a step's time goes (the rest of a whole step is the data side).</summary>
public enum BenchmarkScope
{
    /// <summary>A real <see cref="Training.Trainer"/> step: worker-thread batch preparation (tokenising the
    /// negatives too), forward, loss, backward, gradient clipping and the AdamW update.</summary>
    TrainingStep,

    /// <summary>Forward, loss and backward on fixed tensors: the model's compute alone, no data side, no optimizer.</summary>
    ForwardBackward,

    /// <summary>Forward and loss on fixed tensors (the autograd graph is built, no backward).</summary>
    Forward,

    /// <summary>Gradient clipping and the AdamW update on fixed gradients: the optimizer alone.</summary>
    Optimizer,
}
