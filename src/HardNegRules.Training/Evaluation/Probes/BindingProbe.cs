using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.Scenes;
using HardNegRules.Data.ConceptWorld.Twins;
using HardNegRules.Training.Model;
using HardNegRules.Training.Tokenization;

namespace HardNegRules.Training.Evaluation.Probes;

/// <summary>
/// Which side of a CLIP model holds color-shape binding: a linear multi-label probe on frozen embeddings is fitted to
/// predict the set of (color, shape) conjunctions in a scene, then asked about binding twins (two objects' colors or
/// shapes swapped, so both scenes have the same bag of colors and shapes). A twin decision is right when the probe's
/// logits, summed over the conjunctions only one side has, prefer the side the embedding belongs to; each twin gives two
/// decisions (the original's embedding and the twin's). An embedding that does not bind, for which both scenes of a
/// twin look the same, can get at most one of the two right: chance is 0.5.
/// The image side embeds the rendered scenes; the text side embeds captions naming every object with color and shape.
/// </summary>
public static class BindingProbe
{
    /// <summary>Probes both towers of <paramref name="model"/> on <paramref name="world"/>: fits on the training split's
    /// scenes, evaluates on the test split's color and shape binding twins.</summary>
    /// <param name="model">The model (switched to evaluation mode; its weights are not changed).</param>
    /// <param name="tokenizer">CLIP's tokenizer.</param>
    /// <param name="world">The concept world.</param>
    /// <param name="options">Probe options; null for the defaults.</param>
    /// <returns>Image and text accuracy and the counts.</returns>
    /// <exception cref="InvalidOperationException">The world has no binding twins of color or shape (scenes of one object only).</exception>
    public static BindingProbeResult Measure(ClipModel model, ClipTokenizer tokenizer, ConceptWorldDataset world,
        BindingProbeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(world);
        options ??= new BindingProbeOptions();
        options.Validate();
        Scene[] train = [.. world.Train.Scenes.Take(options.MaxTrainScenes).Select(s => s.Scene)];
        IEnumerable<SceneTwin> twins = world.Twins(TwinKind.Binding, WorldConcepts.Color)
            .Concat(world.Twins(TwinKind.Binding, WorldConcepts.Shape));
        (Scene Original, Scene Twin)[] pairs = [.. twins.Select(t => (t.Original, t.Twin))
            .Where(p => !ConjunctionLabels.Of(p.Original).SetEquals(ConjunctionLabels.Of(p.Twin)))
            .Take(options.MaxTwins ?? int.MaxValue)];
        if (pairs.Length == 0)
        {
            throw new InvalidOperationException(
                "The world has no color or shape binding twins (every test scene holds one object); binding probes need scenes of two or more objects.");
        }

        var embedder = new ClipEmbedder(model, tokenizer);
        double image = Accuracy(embedder.EmbedScenes, train, pairs, options);
        double text = Accuracy(scenes => embedder.EmbedTexts(Captions(scenes, options.Seed)), train, pairs, options);
        return new BindingProbeResult(image, text, pairs.Length, train.Length);
    }

    /// <summary>Fits a probe on <paramref name="embed"/>'s embeddings of <paramref name="trainScenes"/> and returns its
    /// accuracy on the binding twins (two decisions per twin; chance 0.5).</summary>
    /// <param name="embed">Embeds scenes, one row per scene (a tower of a model, or any feature map).</param>
    /// <param name="trainScenes">The scenes the probe is fitted on.</param>
    /// <param name="twins">Scene pairs whose conjunction sets differ.</param>
    /// <param name="options">Probe options.</param>
    /// <returns>The share of right decisions.</returns>
    /// <exception cref="ArgumentException">No twins, or a twin whose two scenes have the same conjunctions.</exception>
    public static double Accuracy(Func<IReadOnlyList<Scene>, float[][]> embed, IReadOnlyList<Scene> trainScenes,
        IReadOnlyList<(Scene Original, Scene Twin)> twins, BindingProbeOptions options)
    {
        ArgumentNullException.ThrowIfNull(embed);
        ArgumentNullException.ThrowIfNull(trainScenes);
        ArgumentNullException.ThrowIfNull(twins);
        ArgumentNullException.ThrowIfNull(options);
        if (twins.Count == 0)
        {
            throw new ArgumentException("No twins to evaluate.", nameof(twins));
        }
        float[][] features = embed(trainScenes);
        IReadOnlySet<int>[] labels = [.. trainScenes.Select(s => (IReadOnlySet<int>)ConjunctionLabels.Of(s))];
        LinearProbe probe = LinearProbe.Fit(features, labels, ConjunctionLabels.Count, options);

        // The original of twin i is row i, its twin row count + i.
        Scene[] evaluated = [.. twins.Select(t => t.Original), .. twins.Select(t => t.Twin)];
        float[][] embeddings = embed(evaluated);
        int right = 0;
        for (int i = 0; i < twins.Count; i++)
        {
            HashSet<int> original = ConjunctionLabels.Of(twins[i].Original);
            HashSet<int> twin = ConjunctionLabels.Of(twins[i].Twin);
            int[] onlyOriginal = [.. original.Except(twin)];
            int[] onlyTwin = [.. twin.Except(original)];
            if (onlyOriginal.Length == 0 || onlyTwin.Length == 0)
            {
                throw new ArgumentException($"Twin {i}: both scenes have the same color-shape conjunctions.", nameof(twins));
            }
            right += Prefers(probe.Logits(embeddings[i]), onlyOriginal, onlyTwin) ? 1 : 0;
            right += Prefers(probe.Logits(embeddings[twins.Count + i]), onlyTwin, onlyOriginal) ? 1 : 0;
        }
        return right / (2.0 * twins.Count);
    }

    /// <summary>Captions naming every object with color and shape, in seeded orders.</summary>
    /// <param name="scenes">The scenes.</param>
    /// <param name="seed">Seeds the orders.</param>
    /// <returns>One caption per scene.</returns>
    public static string[] Captions(IReadOnlyList<Scene> scenes, int seed)
    {
        ArgumentNullException.ThrowIfNull(scenes);
        var random = new Random(seed);
        return [.. scenes.Select(s => FullCaption.Write(s, FullCaption.Order(s.Objects.Count, random)))];
    }

    // Strictly greater: a tie (an embedding that cannot tell the two apart) is not a right answer.
    private static bool Prefers(float[] logits, int[] truth, int[] swapped) =>
        truth.Sum(l => logits[l]) > swapped.Sum(l => logits[l]);
}
