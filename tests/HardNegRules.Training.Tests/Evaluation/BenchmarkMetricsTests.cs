using HardNegRules.Training.Evaluation;
using HardNegRules.Training.Evaluation.Aro;
using HardNegRules.Training.Evaluation.InpaintCoco;
using HardNegRules.Training.Evaluation.Winoground;

namespace HardNegRules.Training.Tests.Evaluation;

public class BenchmarkMetricsTests
{
    [Test]
    public void Image_pair_scores_count_each_direction_and_ties_as_failures()
    {
        WinogroundItem[] items =
        [
            new("color", 0.9f, 0.1f, 0.2f, 0.8f), // all right
            new("color", 0.5f, 0.1f, 0.6f, 0.7f), // each caption picks its image, but image 0 prefers caption 1: text wrong
            new("color", 0.5f, 0.5f, 0.1f, 0.9f), // original caption ties: wrong (text right)
            new("color", 0.9f, 0.1f, 0.9f, 0.1f), // edited caption prefers the original image
        ];

        ImagePairScores scores = ImagePairScores.Of("color", items, skipped: 2);

        Assert.That((scores.Evaluated, scores.Skipped), Is.EqualTo((4, 2)));
        Assert.That(scores.OriginalCaption, Is.EqualTo(0.75));
        Assert.That(scores.EditedCaption, Is.EqualTo(0.75));
        Assert.That(scores.ImagePair, Is.EqualTo(0.5));
        Assert.That(scores.Text, Is.EqualTo(0.5));
        Assert.That(scores.Group4, Is.EqualTo(0.25));
    }

    [Test]
    public void Inpaintcoco_lists_the_papers_concepts_first_and_means_over_those_with_items()
    {
        InpaintCocoReport report = InpaintCocoReport.From(
            [new("size", 1, 0, 0, 1), new("color", 1, 0, 0, 1), new("color", 0, 1, 1, 0), new("texture", 1, 0, 0, 1)],
            new Dictionary<string, int> { ["object"] = 3 });

        Assert.That(report.Concepts.Select(c => (c.Group, c.Evaluated, c.Skipped)), Is.EqualTo(new[]
        {
            ("color", 2, 0), ("object", 0, 3), ("size", 1, 0), ("texture", 1, 0),
        }));
        Assert.That(report.Concepts[1].ImagePair, Is.Null);
        Assert.That(report.MeanOverConcepts, Is.EqualTo((0.5 + 1 + 1) / 3).Within(1e-12));
        Assert.That((report.Overall.Evaluated, report.Overall.Skipped, report.Overall.ImagePair), Is.EqualTo((4, 3, 0.75)));
    }

    [Test]
    public void Aro_relation_macro_leaves_out_the_symmetric_relations_and_attribution_the_small_pairs()
    {
        (string, bool)[] relation = [("on", true), ("on", false), ("above", true), ("next to", false), ("next to", false)];
        AroSetResult r = AroMetrics.Summarize(AroMetrics.Relation, relation, skipped: 1);

        Assert.That(r.Accuracy, Is.EqualTo(0.4));
        Assert.That(r.MacroAccuracy, Is.EqualTo((0.5 + 1.0) / 2), "'next to' is on ARO's symmetric list");
        Assert.That(r.Classes.Single(c => c.Class == "next to").InMacro, Is.False);

        var attribution = Enumerable.Repeat(("white_black", true), 25).Concat(Enumerable.Repeat(("red_green", false), 24)).ToArray();
        AroSetResult a = AroMetrics.Summarize(AroMetrics.Attribution, attribution, skipped: 0);

        Assert.That(a.MacroAccuracy, Is.EqualTo(1.0), "red_green has 24 items, under ARO's floor of 25");
        Assert.That(a.Accuracy, Is.EqualTo(25 / 49.0).Within(1e-12));
    }

    [Test]
    public void Order_sets_report_precision_at_one_and_each_perturbation_beaten()
    {
        AroSetResult order = AroMetrics.Summarize(AroMetrics.CocoOrder, [("precision@1", true), ("precision@1", false)], 0,
            [("beats shuffle_trigrams", true), ("beats shuffle_trigrams", false), ("beats shuffle_nouns_and_adj", true)]);

        Assert.That(order.MacroAccuracy, Is.EqualTo(0.5));
        Assert.That(order.Classes.Select(c => (c.Class, c.Accuracy)), Is.EqualTo(new[] { ("beats shuffle_nouns_and_adj", 1.0), ("beats shuffle_trigrams", 0.5) }));
    }

    [Test]
    public void Order_perturbations_move_only_the_words_they_name_and_repeat_with_the_seed()
    {
        var perturbations = new OrderPerturbations(Permuters.Default);
        // No final period: ARO's tokenizer makes it a word that the "other words" shuffle moves before cleaning drops it.
        const string caption = "A large brown dog sleeps on a small red couch";

        string[] first = perturbations.Perturb(caption, new Random(7));
        string[] again = perturbations.Perturb(caption, new Random(7));

        Assert.That(first, Is.EqualTo(again));
        Assert.That(OrderPerturbations.Clean(caption), Is.EqualTo("a large brown dog sleeps on a small red couch"));
        string[] words = OrderPerturbations.Clean(caption).Split(' ');
        foreach (string perturbed in first)
        {
            Assert.That(perturbed.Split(' ').Order(), Is.EqualTo(words.Order()), perturbed);
        }
        // Nouns and adjectives shuffle among themselves: every other word stays where it was.
        string[] nounsAndAdjectives = first[0].Split(' ');
        Assert.That(new[] { 0, 4, 5, 6 }.Select(i => nounsAndAdjectives[i]), Is.EqualTo(new[] { "a", "sleeps", "on", "a" }));
        Assert.That(new[] { 3, 9 }.Select(i => nounsAndAdjectives[i]).Order(), Is.EqualTo(new[] { "couch", "dog" }));
        // The reverse: nouns and adjectives stay.
        string[] others = first[1].Split(' ');
        Assert.That(new[] { 1, 2, 3, 7, 8, 9 }.Select(i => others[i]), Is.EqualTo(new[] { "large", "brown", "dog", "small", "red", "couch" }));
        // Within trigrams: each group of three keeps its words.
        string[] within = first[2].Split(' ');
        Assert.That(within[..3].Order(), Is.EqualTo(new[] { "A", "large", "brown" }.Select(w => w.ToLowerInvariant()).Order()));
    }

    [Test]
    public void Clean_drops_aros_punctuation_and_keeps_thirty_words()
    {
        string longCaption = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"w{i}"));

        Assert.That(OrderPerturbations.Clean("A \"Dog\" (running): here!"), Is.EqualTo("a dog running here"));
        Assert.That(OrderPerturbations.Clean(longCaption).Split(' '), Has.Length.EqualTo(30));
    }

    [Test]
    public void The_table_lines_up_two_models_and_shows_the_difference_in_points()
    {
        EvaluationRow[] a = [new("aro", "vg_relation", "accuracy", 10, 0.5), new("aro", "vg_attribution", "accuracy", 4, null)];
        EvaluationRow[] b = [new("aro", "vg_relation", "accuracy", 10, 0.625), new("winoground", "overall", "group", 3, 0.25)];

        EvaluationTable table = EvaluationTable.Build(["plain", "tuned"], [a, b]);

        Assert.That(table.Header, Is.EqualTo(new[] { "suite", "group", "measure", "items", "plain %", "tuned %", "difference" }));
        Assert.That(table.Rows.Select(r => string.Join(",", r)), Is.EqualTo(new[]
        {
            "aro,vg_relation,accuracy,10,50.0,62.5,+12.5", "aro,vg_attribution,accuracy,4,-,-,-", "winoground,overall,group,3,-,25.0,-",
        }));
        Assert.That(table.ToMarkdown(), Does.StartWith("| suite | group | measure | items | plain % | tuned % | difference |\n|---|---|---|---:|---:|---:|---:|\n"));
    }
}
