using HardNegRules.Data.Loaders;
using HardNegRules.Training.Datasets;
using HardNegRules.Training.Evaluation.ConceptWorld;
using HardNegRules.Training.Model;
using HardNegRules.Training.Tokenization;

namespace HardNegRules.Training.Evaluation.RealData;

/// <summary>
/// Evaluates a model on a real data set's held-out pairs: retrieval R@1/5/10 both ways, and text-side concept ranking
/// of each caption against the rule pack's replace negatives, concept by concept. Real captions have no scene graph to
/// check a negative against, so every rule-made negative counts (the rule pack's defect rate bounds the noise).
/// </summary>
public static class RealDataEvaluation
{
    /// <summary>Computes the metrics.</summary>
    /// <param name="model">The trained model.</param>
    /// <param name="splits">The data set; its held-out pairs are used.</param>
    /// <param name="source">The data source's name, for the report.</param>
    /// <param name="tokenizer">CLIP's tokenizer.</param>
    /// <param name="permuter">The rule pack that makes the text negatives.</param>
    /// <param name="concepts">The concepts to rank; null or empty for all of the pack's.</param>
    /// <param name="options">Negatives per concept, seed, the most held-out images (MaxTestScenes), batch size.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="InvalidOperationException">No held-out image could be decoded.</exception>
    public static RealDataMetrics Evaluate(ClipModel model, RealDataSplits splits, string source, ClipTokenizer tokenizer,
        IPermuter permuter, IReadOnlyList<string>? concepts = null, ConceptWorldEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(splits);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(permuter);
        options ??= new ConceptWorldEvaluationOptions();
        options.Validate();

        // Images in order of first appearance; each image's captions follow it.
        var byImage = splits.HeldOut
            .GroupBy(p => p.Image.Path ?? p.Image.Name ?? p.Id, StringComparer.Ordinal)
            .Take(options.MaxTestScenes ?? int.MaxValue)
            .ToList();
        var embedder = new ClipEmbedder(model, tokenizer, options.BatchSize);
        var decoder = new PhotoDecoder(model.Options.Vision.ImageSize, splits.Report);
        float[]?[] rows = PhotoEmbeddings.Embed(embedder, decoder,
            [.. byImage.Select(g => (g.First().Image, $"held-out image of pair {g.First().Id}"))], options.BatchSize);

        var images = new List<float[]>();
        var captions = new List<ImageCaptionPair>();
        var imageOfCaption = new List<int>();
        for (int i = 0; i < byImage.Count; i++)
        {
            if (rows[i] is not { } row)
            {
                continue;
            }
            foreach (ImageCaptionPair pair in byImage[i])
            {
                captions.Add(pair);
                imageOfCaption.Add(images.Count);
            }
            images.Add(row);
        }
        if (images.Count == 0)
        {
            throw new InvalidOperationException($"None of the {byImage.Count} held-out images could be decoded; see the reported errors.");
        }

        var texts = new TextEmbeddings(embedder);
        string[] rankedConcepts = concepts is { Count: > 0 } ? [.. concepts] : [.. permuter.Concepts];
        var sources = rankedConcepts
            .Select(c => (Concept: c, Source: new PermuterNegativeSource(permuter, options.Seed, [c], NegativeKind.Replace)))
            .ToList();
        var negatives = captions
            .Select(pair => sources
                .Select(s => (s.Concept, Texts: s.Source.Draw(pair.Caption, pair.Id, 0, options.NegativesPerConcept).Select(n => n.Text).ToList()))
                .Where(n => n.Texts.Count > 0)
                .ToList())
            .ToList();
        texts.Want(captions.Select(p => p.Caption));
        texts.Want(negatives.SelectMany(n => n.SelectMany(c => c.Texts)));
        texts.Embed();

        return new RealDataMetrics(source, splits.HeldOutFrom, images.Count, captions.Count, byImage.Count - images.Count,
            Retrieval(captions, imageOfCaption, images, texts),
            Ranking(captions, imageOfCaption, images, negatives, texts));
    }

    private static RetrievalRecall Retrieval(List<ImageCaptionPair> captions, List<int> imageOfCaption, List<float[]> images, TextEmbeddings texts)
    {
        CaptionImageScores scores = ClipEmbedder.ScoreAll([.. captions.Select(c => texts[c.Caption])], images);
        return RetrievalMetrics.Compute(scores, imageOfCaption);
    }

    private static ConceptRankingScores Ranking(List<ImageCaptionPair> captions, List<int> imageOfCaption, List<float[]> images,
        List<List<(string Concept, List<string> Texts)>> negatives, TextEmbeddings texts)
    {
        var items = new List<TextRankingItem>();
        for (int c = 0; c < captions.Count; c++)
        {
            float[] image = images[imageOfCaption[c]];
            float truth = ClipEmbedder.Score(texts[captions[c].Caption], image);
            foreach ((string concept, List<string> negativeTexts) in negatives[c])
            {
                items.Add(new TextRankingItem(concept, truth, [.. negativeTexts.Select(t => ClipEmbedder.Score(texts[t], image))]));
            }
        }
        return ConceptRankingScores.From(items.Count > 0 ? TextConceptRanking.Evaluate(items) : null);
    }
}
