namespace HardNegRules.Training.Merging;

/// <summary>One point of an <see cref="AlphaSweep"/>: the merge weight and what the evaluation returned for it.</summary>
/// <typeparam name="TMetrics">The evaluation's result.</typeparam>
/// <param name="Alpha">The weight of the second model (0 = the first model, 1 = the second).</param>
/// <param name="Metrics">The evaluation of the merged model.</param>
public sealed record AlphaPoint<TMetrics>(double Alpha, TMetrics Metrics);
