namespace HardNegRules.Training.Evaluation.Aro;

/// <summary>
/// ARO's accuracies (Yuksekgonul et al. 2023). An item is right when the true caption scores strictly higher with the
/// image than the false caption (order sets: than every perturbation that differs from it); ties and NaN are wrong.
/// The macro accuracy is the paper's headline figure: VG-Relation averages the relations, leaving out those whose
/// swapped caption can still be true (ARO's replication notebook's list, <see cref="SymmetricRelations"/>);
/// VG-Attribution averages the attribute pairs with at least <see cref="MinimumAttributionItems"/> items; the order
/// sets report precision@1 over all items.
/// </summary>
public static class AroMetrics
{
    /// <summary>VG-Relation.</summary>
    public const string Relation = "vg_relation";

    /// <summary>VG-Attribution.</summary>
    public const string Attribution = "vg_attribution";

    /// <summary>COCO-Order.</summary>
    public const string CocoOrder = "coco_order";

    /// <summary>Flickr30k-Order.</summary>
    public const string FlickrOrder = "flickr30k_order";

    /// <summary>ARO counts an attribute pair in VG-Attribution's macro accuracy only with this many items.</summary>
    public const int MinimumAttributionItems = 25;

    /// <summary>
    /// The relations ARO's replication notebook leaves out of VG-Relation's macro accuracy (relations for which the
    /// swapped caption is not reliably false), from github.com/mertyg/vision-language-models-are-bows (MIT).
    /// </summary>
    public static IReadOnlySet<string> SymmetricRelations { get; } = new HashSet<string>(
    [
        "adjusting", "attached to", "between", "bigger than", "biting", "boarding", "brushing", "chewing", "cleaning", "climbing",
        "close to", "coming from", "coming out of", "contain", "crossing", "dragging", "draped over", "drinking", "drinking from",
        "driving", "driving down", "driving on", "eating from", "eating in", "enclosing", "exiting", "facing", "filled with",
        "floating in", "floating on", "flying", "flying above", "flying in", "flying over", "flying through", "full of", "going down",
        "going into", "going through", "grazing in", "growing in", "growing on", "guiding", "hanging from", "hanging in",
        "hanging off", "hanging over", "higher than", "holding onto", "hugging", "in between", "jumping off", "jumping on",
        "jumping over", "kept in", "larger than", "leading", "leaning over", "leaving", "licking", "longer than", "looking in",
        "looking into", "looking out", "looking over", "looking through", "lying next to", "lying on top of", "making", "mixed with",
        "mounted on", "moving", "on the back of", "on the edge of", "on the front of", "on the other side of", "opening", "painted on",
        "parked at", "parked beside", "parked by", "parked in", "parked in front of", "parked near", "parked next to", "perched on",
        "petting", "piled on", "playing", "playing in", "playing on", "playing with", "pouring", "reaching for", "reading",
        "reflected on", "riding on", "running in", "running on", "running through", "seen through", "sitting behind",
        "sitting beside", "sitting by", "sitting in front of", "sitting near", "sitting next to", "sitting under", "skiing down",
        "skiing on", "sleeping in", "sleeping on", "smiling at", "sniffing", "splashing", "sprinkled on", "stacked on",
        "standing against", "standing around", "standing behind", "standing beside", "standing in front of", "standing near",
        "standing next to", "staring at", "stuck in", "surrounding", "swimming in", "swinging", "talking to", "topped with",
        "touching", "traveling down", "traveling on", "tying", "typing on", "underneath", "wading in", "waiting for",
        "walking across", "walking by", "walking down", "walking next to", "walking through", "working in", "working on",
        "worn on", "wrapped around", "wrapped in", "by", "of", "near", "next to", "with", "beside", "on the side of", "around",
    ], StringComparer.Ordinal);

    /// <summary>Summarises one set's outcomes.</summary>
    /// <param name="set">The set (<see cref="Relation"/>, <see cref="Attribution"/>, <see cref="CocoOrder"/>, <see cref="FlickrOrder"/>).</param>
    /// <param name="outcomes">Per item: its class and whether it was right.</param>
    /// <param name="skipped">Items that could not be scored.</param>
    /// <param name="perturbations">Order sets: per item and perturbation, whether the true caption beat it (the
    /// classes of an order set); null for the VG sets.</param>
    /// <returns>The set's result.</returns>
    public static AroSetResult Summarize(string set, IReadOnlyList<(string Class, bool Correct)> outcomes, int skipped,
        IReadOnlyList<(string Perturbation, bool Beaten)>? perturbations = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(outcomes);
        double? accuracy = outcomes.Count > 0 ? outcomes.Count(o => o.Correct) / (double)outcomes.Count : null;
        bool order = set is CocoOrder or FlickrOrder;
        List<AroClassResult> classes = order
            ? Classes(perturbations ?? [], _ => false)
            : Classes(outcomes, set == Relation
                ? (c => !SymmetricRelations.Contains(c.Class))
                : (c => c.Items >= MinimumAttributionItems));
        double[] macro = [.. classes.Where(c => c.InMacro).Select(c => c.Accuracy)];
        string rule = order ? "precision@1 over all items"
            : set == Relation ? $"mean over the {macro.Length} relations not in ARO's symmetric list"
            : $"mean over the {macro.Length} attribute pairs with at least {MinimumAttributionItems} items";
        return new AroSetResult(set, outcomes.Count, skipped, accuracy, order ? accuracy : macro.Length > 0 ? macro.Average() : null, rule, classes);
    }

    private static List<AroClassResult> Classes(IEnumerable<(string Class, bool Correct)> outcomes, Func<AroClassResult, bool> inMacro) =>
    [
        .. outcomes.GroupBy(o => o.Class, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            int items = g.Count(), correct = g.Count(o => o.Correct);
            var result = new AroClassResult(g.Key, items, correct, correct / (double)items, false);
            return result with { InMacro = inMacro(result) };
        }),
    ];
}
