using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.CaptionChecking;
using HardNegRules.Data.ConceptWorld.Scenes;
using HardNegRules.Training.Datasets;

namespace HardNegRules.Training.Evaluation.ConceptWorld;

/// <summary>
/// The text negatives of test captions, made once and remembered (they are asked for twice: to collect the texts to
/// embed, and to score them): rule-made replace negatives per concept, and binding negatives from the world and from the
/// rules' swap kind. Each is kept only if the world's checker finds it false of the scene.
/// </summary>
internal sealed class TestNegatives
{
    private readonly List<(string Concept, PermuterNegativeSource Source)> _replaceSources;
    private readonly PermuterNegativeSource _swapSource;
    private readonly int _perConcept;
    private readonly Dictionary<string, IReadOnlyList<ConceptNegative>> _replace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<ConceptNegative>> _binding = new(StringComparer.Ordinal);

    public TestNegatives(IPermuter permuter, ConceptWorldEvaluationOptions options)
    {
        string[] concepts = [.. ConceptScores.ConceptNames.Where(c => permuter.Concepts.Contains(c, StringComparer.OrdinalIgnoreCase))];
        _replaceSources = [.. concepts.Select(c => (c, new PermuterNegativeSource(permuter, options.Seed, [c], NegativeKind.Replace)))];
        _swapSource = new PermuterNegativeSource(permuter, options.Seed, concepts, NegativeKind.Swap);
        _perConcept = options.NegativesPerConcept;
    }

    public IReadOnlyList<ConceptNegative> Replace(ConceptWorldSample sample)
    {
        if (!_replace.TryGetValue(sample.CaptionId, out IReadOnlyList<ConceptNegative>? found))
        {
            found = [.. _replaceSources
                .SelectMany(s => s.Source.Draw(sample.CaptionText, sample.CaptionId, 0, _perConcept)
                    .Select(n => new ConceptNegative(n.Text, s.Concept)))
                .Where(n => IsFalseOf(n.Text, sample.Scene))];
            _replace[sample.CaptionId] = found;
        }
        return found;
    }

    public IReadOnlyList<ConceptNegative> Binding(ConceptWorldSample sample)
    {
        if (!_binding.TryGetValue(sample.CaptionId, out IReadOnlyList<ConceptNegative>? found))
        {
            IEnumerable<ConceptNegative> fromWorld = sample.BindingNegatives()
                .Select(n => new ConceptNegative(n.Text, ConceptWorldEvaluation.NameOf(n.Concept)));
            IEnumerable<ConceptNegative> fromRules = _swapSource.Draw(sample.CaptionText, sample.CaptionId, 0, _perConcept * 4)
                .Select(n => new ConceptNegative(n.Text, n.Concept.ToLowerInvariant()));
            found = [.. fromWorld.Concat(fromRules)
                .Where(n => ConceptScores.ConceptNames.Contains(n.Concept))
                .DistinctBy(n => n.Text)
                .Where(n => IsFalseOf(n.Text, sample.Scene))];
            _binding[sample.CaptionId] = found;
        }
        return found;
    }

    // A caption the checker cannot parse is kept: the rules only change terms, so it is the world's grammar that
    // failed to read it, and a false positive is less likely than a real negative.
    private static bool IsFalseOf(string text, Scene scene) =>
        !CaptionParser.TryParse(text, out CaptionClaims? claims) || !CaptionChecker.IsTrueOf(claims, scene);
}
