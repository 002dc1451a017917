namespace HardNegRules.Training.Metrics;

/// <summary>Receives each step's metrics (JSON lines, TensorBoard, ...).</summary>
public interface IMetricsSink : IDisposable
{
    /// <summary>Records one step.</summary>
    /// <param name="metrics">The step's numbers.</param>
    void Write(StepMetrics metrics);
}
