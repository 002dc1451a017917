using HardNegRules.Training.Model;
using HardNegRules.Training.Runs;

namespace HardNegRules.Training.Merging;

/// <summary>
/// Evaluates the weight averages of two models along alpha (WiSE-FT's curve): for a plain and a hard-negative model,
/// how binding gain trades against retrieval as the merge moves from one to the other.
/// </summary>
public static class AlphaSweep
{
    /// <summary>The default alphas: 0, 0.25, 0.5, 0.75, 1.</summary>
    public static IReadOnlyList<double> DefaultAlphas { get; } = [0.0, 0.25, 0.5, 0.75, 1.0];

    /// <summary>Evaluates the merge of two in-memory models at each alpha. One scratch model is built and reused; the
    /// inputs are not changed, and torch's random generator is left as it was.</summary>
    /// <typeparam name="TMetrics">What the evaluation returns.</typeparam>
    /// <param name="from">The model at alpha 0.</param>
    /// <param name="to">The model at alpha 1 (same architecture).</param>
    /// <param name="evaluate">Evaluates one merged model; it must not keep the model (it is overwritten next).</param>
    /// <param name="alphas">The alphas, each in [0, 1]; null for <see cref="DefaultAlphas"/>.</param>
    /// <returns>One point per alpha, in the given order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An alpha is outside [0, 1].</exception>
    /// <exception cref="WeightMismatchException">The architectures differ.</exception>
    public static IReadOnlyList<AlphaPoint<TMetrics>> Run<TMetrics>(ClipModel from, ClipModel to,
        Func<ClipModel, TMetrics> evaluate, IReadOnlyList<double>? alphas = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(evaluate);
        alphas ??= DefaultAlphas;
        foreach (double alpha in alphas)
        {
            WeightAveraging.ValidateAlpha(alpha);
        }
        using ClipModel scratch = WeightAveraging.EmptyLike(from);
        var points = new List<AlphaPoint<TMetrics>>(alphas.Count);
        foreach (double alpha in alphas)
        {
            WeightAveraging.Interpolate(scratch, from, to, alpha);
            points.Add(new AlphaPoint<TMetrics>(alpha, evaluate(scratch)));
        }
        return points;
    }

    /// <summary>Evaluates the merge of two checkpoints at each alpha, loading both into <paramref name="run"/>'s
    /// architecture.</summary>
    /// <typeparam name="TMetrics">What the evaluation returns.</typeparam>
    /// <param name="run">The preset both checkpoints were trained with.</param>
    /// <param name="fromCheckpoint">The checkpoint at alpha 0 (file or run folder).</param>
    /// <param name="toCheckpoint">The checkpoint at alpha 1 (file or run folder).</param>
    /// <param name="evaluate">Evaluates one merged model, e.g. <c>run.Evaluate</c>.</param>
    /// <param name="alphas">The alphas, each in [0, 1]; null for <see cref="DefaultAlphas"/>.</param>
    /// <returns>One point per alpha, in the given order.</returns>
    /// <exception cref="ArgumentException">A checkpoint does not exist.</exception>
    /// <exception cref="InvalidOperationException">A checkpoint is of another architecture than the preset's.</exception>
    public static IReadOnlyList<AlphaPoint<TMetrics>> Run<TMetrics>(PresetRun run, string fromCheckpoint, string toCheckpoint,
        Func<ClipModel, TMetrics> evaluate, IReadOnlyList<double>? alphas = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        using ClipModel from = run.LoadModel(CheckpointMerge.ResolveCheckpoint(fromCheckpoint, "from"));
        using ClipModel to = run.LoadModel(CheckpointMerge.ResolveCheckpoint(toCheckpoint, "to"));
        return Run(from, to, evaluate, alphas);
    }
}
