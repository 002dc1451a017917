namespace HardNegRules.Data.Loaders;

/// <summary>
/// One Winoground example (Thrush et al. 2022): two captions with the same words in a different order, and two images,
/// caption 0 true of image 0 and caption 1 of image 1.
/// </summary>
/// <param name="Id">The example's "id".</param>
/// <param name="Caption0">"caption_0".</param>
/// <param name="Caption1">"caption_1".</param>
/// <param name="Image0">"image_0" resolved to its file in the images folder.</param>
/// <param name="Image1">"image_1" resolved to its file.</param>
/// <param name="Tag">"tag": the kind of swap (e.g. Object, Relation, Both).</param>
/// <param name="SecondaryTag">"secondary_tag" (Symbolic, Pragmatics, Series, ...); empty when none.</param>
/// <param name="MainPredicates">"num_main_preds": main predicates in the captions (1 or 2); null when absent.</param>
/// <param name="CollapsedTag">"collapsed_tag": the paper's Object / Relation / Both grouping; empty when absent.</param>
public sealed record WinogroundExample(string Id, string Caption0, string Caption1, ImageReference Image0, ImageReference Image1,
    string Tag, string SecondaryTag, int? MainPredicates, string CollapsedTag);
