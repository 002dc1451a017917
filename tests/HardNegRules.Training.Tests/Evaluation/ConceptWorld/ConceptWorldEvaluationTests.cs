using HardNegRules.Data.ConceptWorld;
using HardNegRules.Data.ConceptWorld.CaptionChecking;
using HardNegRules.Training.Evaluation;
using HardNegRules.Training.Evaluation.ConceptWorld;
using HardNegRules.Training.Tokenization;

namespace HardNegRules.Training.Tests.Evaluation.ConceptWorld;

public class ConceptWorldEvaluationTests : TorchTestBase
{
    private static readonly ClipTokenizer Tokenizer = ClipTokenizer.Create();
    private static readonly IPermuter Rules = Permuters.Get("concept-world");

    [Test]
    public void Every_metric_is_a_share_and_every_concept_with_items_is_reported()
    {
        using var model = new ClipModel(TinyConceptWorld.Model, seed: 5);

        ConceptWorldMetrics metrics = ConceptWorldEvaluation.Evaluate(model, TinyConceptWorld.World, Tokenizer, Rules);

        foreach ((string key, ConceptScores scores) in metrics.ConceptTests())
        {
            foreach (string concept in ConceptScores.ConceptNames.Append("mean"))
            {
                Assert.That(scores[concept], Is.Not.Null.And.InRange(0.0, 1.0), $"{key}.{concept}");
            }
        }
        RetrievalRecall retrieval = metrics.Retrieval;
        Assert.That(retrieval.ByKey().Select(entry => entry.Recall), Has.All.InRange(0.0, 1.0));
        Assert.That(retrieval.ImageToTextR5, Is.GreaterThanOrEqualTo(retrieval.ImageToTextR1));
        Assert.That(retrieval.ImageToTextR10, Is.GreaterThanOrEqualTo(retrieval.ImageToTextR5));
    }

    [Test]
    public void Evaluation_is_deterministic()
    {
        using var model = new ClipModel(TinyConceptWorld.Model, seed: 5);

        ConceptWorldMetrics first = ConceptWorldEvaluation.Evaluate(model, TinyConceptWorld.World, Tokenizer, Rules);
        ConceptWorldMetrics second = ConceptWorldEvaluation.Evaluate(model, TinyConceptWorld.World, Tokenizer, Rules);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void With_one_test_scene_retrieval_is_perfect_whatever_the_model()
    {
        // One image: each caption's only candidate is its image, and the image's captions are all matches.
        using var model = new ClipModel(TinyConceptWorld.Model, seed: 5);

        ConceptWorldMetrics metrics = ConceptWorldEvaluation.Evaluate(model, TinyConceptWorld.World, Tokenizer, Rules,
            new ConceptWorldEvaluationOptions { MaxTestScenes = 1 });

        Assert.That(metrics.Retrieval, Is.EqualTo(new RetrievalRecall(1, 1, 1, 1, 1, 1)));
    }

    [Test]
    public void Text_negatives_are_false_of_the_scene_and_name_a_world_concept()
    {
        var negatives = new TestNegatives(Rules, new ConceptWorldEvaluationOptions());
        int replace = 0, binding = 0;
        foreach (ConceptWorldSample sample in TinyConceptWorld.World.Test.Samples)
        {
            foreach (ConceptNegative negative in negatives.Replace(sample).Concat(negatives.Binding(sample)))
            {
                Assert.That(ConceptScores.ConceptNames, Does.Contain(negative.Concept));
                Assert.That(negative.Text, Is.Not.EqualTo(sample.CaptionText));
                Assert.That(CaptionParser.TryParse(negative.Text, out CaptionClaims? claims) && CaptionChecker.IsTrueOf(claims, sample.Scene),
                    Is.False, negative.Text);
            }
            Assert.That(negatives.Binding(sample).Select(n => n.Text), Is.SupersetOf(sample.BindingNegatives().Select(n => n.Text)));
            replace += negatives.Replace(sample).Count;
            binding += negatives.Binding(sample).Count;
        }
        Assert.That(replace, Is.GreaterThan(0));
        Assert.That(binding, Is.GreaterThan(0));
    }
}
