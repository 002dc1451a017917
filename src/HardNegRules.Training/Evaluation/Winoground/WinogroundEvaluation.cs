using System.Globalization;
using HardNegRules.Data.Loaders;
using HardNegRules.Training.Datasets;
using HardNegRules.Training.Model;
using HardNegRules.Training.Tokenization;

namespace HardNegRules.Training.Evaluation.Winoground;

/// <summary>Runs Winoground with a model: both captions of each example against both of its images.</summary>
public static class WinogroundEvaluation
{
    /// <summary>Scores the examples.</summary>
    /// <param name="model">The model.</param>
    /// <param name="tokenizer">CLIP's tokenizer.</param>
    /// <param name="examples">The examples (see <see cref="WinogroundLoader.Read"/>).</param>
    /// <param name="report">Where missing and unreadable images are reported.</param>
    /// <returns>Text, image and group scores overall and per tag.</returns>
    public static WinogroundSuiteReport Evaluate(ClipModel model, ClipTokenizer tokenizer, IReadOnlyList<WinogroundExample> examples, DataLoadReport report)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(examples);
        EvaluationItem[] items = [.. examples.Select(e => new EvaluationItem(
            [new EvaluationImage(e.Image0, $"image_0 of Winoground example {e.Id}"), new EvaluationImage(e.Image1, $"image_1 of Winoground example {e.Id}")],
            [e.Caption0, e.Caption1]))];
        CaptionImageScores?[] scores = ItemScoring.Score(new ClipEmbedder(model, tokenizer, 64), new PhotoDecoder(model.Options.Vision.ImageSize, report), items);
        var scored = new List<(IReadOnlyList<string>, WinogroundItem)>();
        for (int i = 0; i < examples.Count; i++)
        {
            if (scores[i] is { } s)
            {
                WinogroundExample e = examples[i];
                string predicates = e.MainPredicates?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
                scored.Add(([e.CollapsedTag, e.Tag, e.SecondaryTag, predicates], new WinogroundItem("all", s[0, 0], s[0, 1], s[1, 0], s[1, 1])));
            }
        }
        return WinogroundSuiteReport.From(scored, examples.Count - scored.Count);
    }
}
