using System.Text.Json.Serialization;
using HardNegRules.Training.Evaluation.ConceptWorld;

namespace HardNegRules.Training.Experiments;

/// <summary>
/// One model of the weight-averaging sweep of a seed: the plain model's weights moved a share <see cref="Alpha"/> of the
/// way to the negatives model's (0 is plain, 1 the negatives arm), and what it scores on the headline tests.
/// </summary>
/// <param name="Seed">The training seed of both models.</param>
/// <param name="Alpha">The weight of the negatives model.</param>
/// <param name="ImagePairBinding">Binding image pairs, color and shape (0 to 1).</param>
/// <param name="TextRankingBinding">Binding text ranking, color and shape (0 to 1).</param>
/// <param name="ImageToTextR5">Image-to-text recall at 5 (0 to 1).</param>
/// <param name="TextToImageR5">Text-to-image recall at 5 (0 to 1).</param>
public sealed record ExperimentAlphaPoint(
    int Seed,
    double Alpha,
    double? ImagePairBinding,
    double? TextRankingBinding,
    [property: JsonPropertyName("i2t_r5")] double ImageToTextR5,
    [property: JsonPropertyName("t2i_r5")] double TextToImageR5)
{
    /// <summary>The point for <paramref name="alpha"/> from a merged model's metrics.</summary>
    /// <param name="seed">The training seed.</param>
    /// <param name="alpha">The merge weight.</param>
    /// <param name="metrics">The merged model's concept-world metrics.</param>
    /// <returns>The point.</returns>
    public static ExperimentAlphaPoint Of(int seed, double alpha, ConceptWorldMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return new ExperimentAlphaPoint(seed, alpha,
            ExperimentMetric.Headline.Value(metrics),
            ExperimentMetric.TextBinding.Value(metrics),
            metrics.Retrieval.ImageToTextR5,
            metrics.Retrieval.TextToImageR5);
    }
}
