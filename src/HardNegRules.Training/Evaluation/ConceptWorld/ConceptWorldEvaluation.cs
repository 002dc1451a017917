using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.Twins;
using HardNegRules.Training.Model;
using HardNegRules.Training.Tokenization;

namespace HardNegRules.Training.Evaluation.ConceptWorld;

/// <summary>
/// Evaluates a trained model on a concept world's test split: image pairs with replace and binding twins, text ranking
/// against rule-made replace negatives and against binding (swap) negatives, and retrieval. Negatives the world's
/// checker finds true of the scene are dropped: a rule can accidentally describe another object of the scene
/// ("a blue circle" when the scene also has one), and scoring that as a failure would blame the model for the rule.
/// </summary>
public static class ConceptWorldEvaluation
{
    /// <summary>Computes the metrics.</summary>
    /// <param name="model">The trained model.</param>
    /// <param name="world">The world; its test split and test twins are used.</param>
    /// <param name="tokenizer">CLIP's tokenizer.</param>
    /// <param name="permuter">The rule pack that makes text negatives (normally <c>concept-world</c>).</param>
    /// <param name="options">Negatives per concept, seed, size limit; null for the defaults.</param>
    /// <param name="scenes">Which test scenes to evaluate on (e.g. those with a held-out color-shape pair); null for all.</param>
    /// <returns>The metrics.</returns>
    public static ConceptWorldMetrics Evaluate(ClipModel model, ConceptWorldDataset world, ClipTokenizer tokenizer,
        IPermuter permuter, ConceptWorldEvaluationOptions? options = null, Func<WorldScene, bool>? scenes = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(permuter);
        options ??= new ConceptWorldEvaluationOptions();
        options.Validate();

        WorldScene[] chosen = [.. world.Test.Scenes.Take(options.MaxTestScenes ?? int.MaxValue).Where(s => scenes is null || scenes(s))];
        if (chosen.Length == 0)
        {
            throw new ArgumentException("The world's test split is empty: there is nothing to evaluate.", nameof(world));
        }
        var sceneIndex = chosen.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        ConceptWorldSample[] samples = [.. world.Test.Samples.Where(s => sceneIndex.ContainsKey(s.SceneId))];
        SceneTwin[] twins = [.. world.TestTwins.Where(t => sceneIndex.ContainsKey(SceneIdOf(t)))];

        var embedder = new ClipEmbedder(model, tokenizer, options.BatchSize);
        var texts = new TextEmbeddings(embedder);
        float[][] images = embedder.EmbedScenes([.. chosen.Select(s => s.Scene)]);
        var negatives = new TestNegatives(permuter, options);

        // Collect every text first, so that the text tower runs in full batches once.
        foreach (ConceptWorldSample sample in samples)
        {
            texts.Want(sample.CaptionText);
            texts.Want(negatives.Replace(sample).Select(n => n.Text));
            texts.Want(negatives.Binding(sample).Select(n => n.Text));
        }
        texts.Want(twins.Select(t => t.Caption));
        texts.Embed();

        return new ConceptWorldMetrics(
            ImagePairs(twins, TwinKind.Replace, images, sceneIndex, texts, embedder),
            ImagePairs(twins, TwinKind.Binding, images, sceneIndex, texts, embedder),
            Ranking(samples, negatives.Replace, images, sceneIndex, texts),
            Ranking(samples, negatives.Binding, images, sceneIndex, texts),
            Retrieval(samples, images, sceneIndex, texts));
    }

    /// <summary>The id of a twin's original scene ("test/000042" of "test/000042/binding-color").</summary>
    internal static string SceneIdOf(SceneTwin twin) => twin.Id[..twin.Id.LastIndexOf('/')];

    private static ConceptScores ImagePairs(IEnumerable<SceneTwin> twins, TwinKind kind, float[][] images,
        Dictionary<string, int> sceneIndex, TextEmbeddings texts, ClipEmbedder embedder)
    {
        SceneTwin[] ofKind = [.. twins.Where(t => t.Kind == kind)];
        if (ofKind.Length == 0)
        {
            return ConceptScores.From(null);
        }
        float[][] twinImages = embedder.EmbedScenes([.. ofKind.Select(t => t.Twin)]);
        IEnumerable<ImagePairItem> items = ofKind.Select((twin, i) =>
        {
            float[] caption = texts[twin.Caption];
            return new ImagePairItem(NameOf(twin.Concept),
                ClipEmbedder.Score(caption, images[sceneIndex[SceneIdOf(twin)]]),
                ClipEmbedder.Score(caption, twinImages[i]));
        });
        return ConceptScores.From(ImagePairAccuracy.Evaluate(items));
    }

    private static ConceptScores Ranking(IEnumerable<ConceptWorldSample> samples,
        Func<ConceptWorldSample, IReadOnlyList<ConceptNegative>> negativesOf, float[][] images,
        Dictionary<string, int> sceneIndex, TextEmbeddings texts)
    {
        var items = new List<TextRankingItem>();
        foreach (ConceptWorldSample sample in samples)
        {
            float[] image = images[sceneIndex[sample.SceneId]];
            float truth = ClipEmbedder.Score(texts[sample.CaptionText], image);
            foreach (IGrouping<string, ConceptNegative> concept in negativesOf(sample).GroupBy(n => n.Concept))
            {
                items.Add(new TextRankingItem(concept.Key, truth,
                    [.. concept.Select(n => ClipEmbedder.Score(texts[n.Text], image))]));
            }
        }
        return ConceptScores.From(items.Count > 0 ? TextConceptRanking.Evaluate(items) : null);
    }

    private static RetrievalRecall Retrieval(ConceptWorldSample[] samples, float[][] images,
        Dictionary<string, int> sceneIndex, TextEmbeddings texts)
    {
        int[] imageOfCaption = [.. samples.Select(s => sceneIndex[s.SceneId])];
        CaptionImageScores scores = ClipEmbedder.ScoreAll([.. samples.Select(s => texts[s.CaptionText])], images);
        return RetrievalMetrics.Compute(scores, imageOfCaption);
    }

    /// <summary>The report name of a world concept ("color", "shape", "size", "location").</summary>
    internal static string NameOf(WorldConcepts concept) => concept.ToString().ToLowerInvariant();
}
