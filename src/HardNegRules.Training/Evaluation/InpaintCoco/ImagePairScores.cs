using System.Text.Json.Serialization;
using HardNegRules.Training.Evaluation.Winoground;

namespace HardNegRules.Training.Evaluation.InpaintCoco;

/// <summary>
/// The scores of image-pair items (an image and its edited twin, each with its caption, as in InpaintCOCO) over one
/// group of items. Each is a fraction in [0, 1]; null when no item was evaluated.
/// </summary>
/// <param name="Group">The concept (color, object, size) or "overall".</param>
/// <param name="Evaluated">Items scored.</param>
/// <param name="Skipped">Items left out because an image could not be read.</param>
/// <param name="OriginalCaption">The original caption scores strictly higher with the original image than with the twin.</param>
/// <param name="EditedCaption">The edited caption scores strictly higher with the edited image than with the original.</param>
/// <param name="ImagePair">Both of the above: each caption picks its own image (Winoground's image score).</param>
/// <param name="Text">Each image scores its own caption strictly higher than the other (Winoground's text score).</param>
/// <param name="Group4">Text and image pair together (Winoground's group score).</param>
public sealed record ImagePairScores(
    string Group,
    int Evaluated,
    int Skipped,
    double? OriginalCaption,
    double? EditedCaption,
    double? ImagePair,
    double? Text,
    [property: JsonPropertyName("group_score")] double? Group4)
{
    /// <summary>Scores a group of items.</summary>
    /// <param name="group">The group's name.</param>
    /// <param name="items">Its items: caption 0 and image 0 are the original, caption 1 and image 1 the edit.</param>
    /// <param name="skipped">Items of the group that could not be scored.</param>
    /// <returns>The scores; ties and NaN count as failures.</returns>
    public static ImagePairScores Of(string group, IReadOnlyCollection<WinogroundItem> items, int skipped)
    {
        ArgumentNullException.ThrowIfNull(items);
        int original = 0, edited = 0, both = 0, text = 0, all = 0;
        foreach (WinogroundItem item in items)
        {
            bool originalRight = item.Caption0Image0 > item.Caption0Image1;
            bool editedRight = item.Caption1Image1 > item.Caption1Image0;
            bool textRight = WinogroundMetrics.IsTextCorrect(item);
            original += originalRight ? 1 : 0;
            edited += editedRight ? 1 : 0;
            both += originalRight && editedRight ? 1 : 0;
            text += textRight ? 1 : 0;
            all += originalRight && editedRight && textRight ? 1 : 0;
        }
        double? Share(int count) => items.Count > 0 ? (double)count / items.Count : null;
        return new ImagePairScores(group, items.Count, skipped, Share(original), Share(edited), Share(both), Share(text), Share(all));
    }
}
