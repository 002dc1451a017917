namespace HardNegRules.Data.Loaders;

/// <summary>
/// One InpaintCOCO row: a COCO image and caption, and the same image with one object, color or size changed by
/// inpainting together with the caption that describes the change. A model is right when it matches each caption to
/// its own image.
/// </summary>
/// <param name="Index">The row's 0-based index in its parquet file.</param>
/// <param name="Concept">What was changed: color, object or size.</param>
/// <param name="Original">The COCO caption and image.</param>
/// <param name="Inpainted">The inpainting caption and the inpainted image.</param>
/// <param name="Mask">The inpainting mask image, if present.</param>
/// <param name="Worker">The annotator, if present.</param>
/// <param name="CocoDetails">The "coco_details" column as text, if present.</param>
/// <param name="InpaintDetails">The "inpaint_details" column as text, if present.</param>
public sealed record InpaintCocoRecord(long Index, string Concept, ImageCaptionPair Original, ImageCaptionPair Inpainted,
    ImageReference? Mask, string? Worker, string? CocoDetails, string? InpaintDetails);
