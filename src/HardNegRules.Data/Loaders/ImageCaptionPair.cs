namespace HardNegRules.Data.Loaders;

/// <summary>One caption of one image: the record every loader hands out (alone or inside a richer record).</summary>
/// <param name="Id">A stable id within the data set (an annotation or sentence id, a line number, a row index): it seeds the negatives.</param>
/// <param name="Caption">The caption, trimmed.</param>
/// <param name="Image">The image it describes.</param>
/// <param name="Split">The data set's split ("train", "val", "test", ...), when the data set says; else null.</param>
public sealed record ImageCaptionPair(string Id, string Caption, ImageReference Image, string? Split = null);
