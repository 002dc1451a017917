namespace HardNegRules.Data.Loaders;

/// <summary>One SugarCrepe test: a COCO val2017 image, its true caption and a human-checked negative caption.</summary>
/// <param name="Category">The category file it came from (add_att, replace_obj, swap_att, ...).</param>
/// <param name="Key">Its key in that file ("0", "1", ...).</param>
/// <param name="FileName">The image's file name in COCO val2017 (e.g. 000000085329.jpg).</param>
/// <param name="Caption">The caption true of the image.</param>
/// <param name="NegativeCaption">The caption made false of it.</param>
public sealed record SugarCrepeItem(string Category, string Key, string FileName, string Caption, string NegativeCaption);
