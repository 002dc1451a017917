namespace HardNegRules.Data.Loaders;

/// <summary>
/// One item of ARO's VG-Relation or VG-Attribution (Yuksekgonul et al. 2023): a Visual Genome image region, a true
/// caption and a false one made by swapping the two objects (relation) or the two attributes (attribution).
/// </summary>
/// <param name="Index">The item's 0-based index in its file.</param>
/// <param name="Image">The image file ("image_path" under the images folder).</param>
/// <param name="X">"bbox_x": the region's left edge in pixels.</param>
/// <param name="Y">"bbox_y": its top edge.</param>
/// <param name="Width">"bbox_w".</param>
/// <param name="Height">"bbox_h".</param>
/// <param name="TrueCaption">"true_caption".</param>
/// <param name="FalseCaption">"false_caption".</param>
/// <param name="Class">What the item is grouped by for macro accuracy: "relation_name" (VG-Relation), or the two
/// "attributes" joined by an underscore (VG-Attribution), as ARO groups them.</param>
public sealed record AroRegionItem(long Index, ImageReference Image, double X, double Y, double Width, double Height,
    string TrueCaption, string FalseCaption, string Class);

/// <summary>
/// One image of a retrieval test split as ARO's COCO-Order and Flickr30k-Order read it (the coco_karpathy_test.json and
/// flickr30k_test.json files: <c>[{"image": "val2014/COCO_val2014_000000391895.jpg", "caption": ["...", ...]}]</c>).
/// </summary>
/// <param name="Index">The image's 0-based index in the file.</param>
/// <param name="Image">The image file ("image" under the data set's root).</param>
/// <param name="Captions">Its captions ("caption": a list, or one string).</param>
public sealed record AroCaptionedImage(long Index, ImageReference Image, IReadOnlyList<string> Captions);
