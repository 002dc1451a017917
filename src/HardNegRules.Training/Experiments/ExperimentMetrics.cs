using HardNegRules.Training.Evaluation.ConceptWorld;

namespace HardNegRules.Training.Experiments;

/// <summary>One number the experiment reports: a test, a concept (or a retrieval recall), and how to read it.</summary>
/// <param name="Test">image_pair, image_pair_binding, text_ranking, text_ranking_binding or retrieval.</param>
/// <param name="Concept">color, shape, size, location, mean, color+shape (binding tests), or a recall (i2t_r5, ...).</param>
/// <param name="Value">Reads the value (0 to 1) from a run's metrics; null when the test had no item.</param>
public sealed record ExperimentMetric(string Test, string Concept, Func<ConceptWorldMetrics, double?> Value)
{
    /// <summary>The headline: binding image pairs, mean of color and shape (size is near ceiling for plain CLIP and
    /// location rides on the few positional captions).</summary>
    public static ExperimentMetric Headline { get; } = new("image_pair_binding", ColorShape, m => ColorShapeOf(m.ImagePairBinding));

    /// <summary>Binding text ranking, color and shape: the text-side companion of <see cref="Headline"/>.</summary>
    public static ExperimentMetric TextBinding { get; } = new("text_ranking_binding", ColorShape, m => ColorShapeOf(m.TextRankingBinding));

    /// <summary>The name of the color and shape mean.</summary>
    public const string ColorShape = "color+shape";

    /// <summary>Every reported number, in report order.</summary>
    public static IReadOnlyList<ExperimentMetric> All { get; } = Build();

    /// <summary>"test concept", e.g. "image_pair_binding color+shape".</summary>
    public string Key => $"{Test} {Concept}";

    private static double? ColorShapeOf(ConceptScores scores) =>
        scores.Color is { } color && scores.Shape is { } shape ? (color + shape) / 2 : null;

    private static List<ExperimentMetric> Build()
    {
        var metrics = new List<ExperimentMetric>();
        string[] tests = ["image_pair", "image_pair_binding", "text_ranking", "text_ranking_binding"];
        foreach (string test in tests)
        {
            ConceptScores Of(ConceptWorldMetrics m) => m.ConceptTests().First(t => t.Key == test).Scores;
            foreach (string concept in ConceptScores.ConceptNames.Append("mean"))
            {
                metrics.Add(new ExperimentMetric(test, concept, m => Of(m)[concept]));
            }
            if (test.EndsWith("_binding", StringComparison.Ordinal))
            {
                metrics.Add(new ExperimentMetric(test, ColorShape, m => ColorShapeOf(Of(m))));
            }
        }
        metrics.Add(new ExperimentMetric("retrieval", "i2t_r1", m => m.Retrieval.ImageToTextR1));
        metrics.Add(new ExperimentMetric("retrieval", "i2t_r5", m => m.Retrieval.ImageToTextR5));
        metrics.Add(new ExperimentMetric("retrieval", "t2i_r1", m => m.Retrieval.TextToImageR1));
        metrics.Add(new ExperimentMetric("retrieval", "t2i_r5", m => m.Retrieval.TextToImageR5));
        return metrics;
    }
}
