using System.Text;
using HardNegRules.Data.ConceptWorld.Scenes;

namespace HardNegRules.Data.ConceptWorld.CaptionWriting;

/// <summary>Turns a caption plan into words for a given scene.</summary>
internal static class CaptionPhrasing
{
    /// <summary>The text of <paramref name="plan"/> for <paramref name="scene"/>, or null when the scene cannot be said that way.</summary>
    public static string? Render(CaptionPlan plan, Scene scene)
    {
        IReadOnlyList<SceneObject> objects = scene.Objects;
        SceneObject First() => objects[plan.Objects[0]];
        string Noun(int index) => NounPhrase(objects[index], plan.Detail);
        bool namesAll = plan.Objects.Count == objects.Count;

        switch (plan.Template)
        {
            case CaptionTemplate.SingleObject:
                return Noun(plan.Objects[0]);
            case CaptionTemplate.ThereIs:
                return "there is " + Noun(plan.Objects[0]);
            case CaptionTemplate.ObjectList:
                return List(plan.Objects.Select(Noun));
            case CaptionTemplate.PictureOf:
                return "a picture of " + List(plan.Objects.Select(Noun));
            case CaptionTemplate.CountedList:
                return namesAll ? CountPrefix(objects.Count) + List(plan.Objects.Select(Noun)) : null;
            case CaptionTemplate.ObjectAt:
            case CaptionTemplate.ThereIsAt:
            {
                string? where = LocationPhrase(First().Cell, plan.Location);
                string prefix = plan.Template == CaptionTemplate.ThereIsAt ? "there is " : string.Empty;
                return where is null ? null : $"{prefix}{Noun(plan.Objects[0])} {where}";
            }

            case CaptionTemplate.Relation:
            case CaptionTemplate.CountedRelation:
            {
                string? relation = RelationWords(objects[plan.Objects[0]].Cell, objects[plan.Objects[1]].Cell, plan.Axis);
                if (relation is null || (plan.Template == CaptionTemplate.CountedRelation && !(namesAll && objects.Count == 2)))
                {
                    return null;
                }

                string prefix = plan.Template == CaptionTemplate.CountedRelation ? CountPrefix(2) : string.Empty;
                return $"{prefix}{Noun(plan.Objects[0])} {relation} {Noun(plan.Objects[1])}";
            }

            case CaptionTemplate.LeftToRight:
            case CaptionTemplate.TopToBottom:
            {
                // The order comes from the scene, so the same plan on a position-swapped scene lists the objects swapped.
                bool horizontal = plan.Template == CaptionTemplate.LeftToRight;
                int[] ordered = [.. plan.Objects.OrderBy(i => horizontal ? objects[i].Cell.Column : objects[i].Cell.Row)];
                int[] keys = [.. ordered.Select(i => horizontal ? objects[i].Cell.Column : objects[i].Cell.Row)];
                if (keys.Distinct().Count() != keys.Length)
                {
                    return null;
                }

                return (horizontal ? "from left to right: " : "from top to bottom: ") + List(ordered.Select(Noun));
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(plan), plan.Template, "Unknown template.");
        }
    }

    /// <summary>"a small red circle", with only the attributes <paramref name="detail"/> names and a/an agreement.</summary>
    public static string NounPhrase(SceneObject item, NounDetail detail)
    {
        var words = new StringBuilder();
        if (detail is NounDetail.SizeShape or NounDetail.SizeColorShape)
        {
            words.Append(WorldVocabulary.SizeWord(item.Size)).Append(' ');
        }

        if (detail is NounDetail.ColorShape or NounDetail.SizeColorShape)
        {
            words.Append(WorldVocabulary.ColorWord(item.Color)).Append(' ');
        }

        words.Append(WorldVocabulary.ShapeWord(item.Shape));
        string phrase = words.ToString();
        return $"{WorldVocabulary.IndefiniteArticle(phrase)} {phrase}";
    }

    /// <summary>The absolute location phrase of a cell, or null when the cell has none of that kind.</summary>
    public static string? LocationPhrase(GridCell cell, LocationPhraseKind kind) => kind switch
    {
        LocationPhraseKind.Column => cell.Column switch { 0 => "on the left", 2 => "on the right", _ => null },
        LocationPhraseKind.Row => cell.Row switch { 0 => "at the top", 2 => "at the bottom", _ => null },
        LocationPhraseKind.Center => cell is { Column: 1, Row: 1 } ? "in the center" : null,
        LocationPhraseKind.Corner when cell.Column != 1 && cell.Row != 1 =>
            $"in the {(cell.Row == 0 ? "top" : "bottom")} {(cell.Column == 0 ? "left" : "right")} corner",
        _ => null,
    };

    /// <summary>The relation words that make "first REL second" true, or null when the cells are level on the axis.</summary>
    public static string? RelationWords(GridCell first, GridCell second, RelationAxis axis) => axis switch
    {
        RelationAxis.Horizontal when first.Column < second.Column => "to the left of",
        RelationAxis.Horizontal when first.Column > second.Column => "to the right of",
        RelationAxis.Vertical when first.Row < second.Row => "above",
        RelationAxis.Vertical when first.Row > second.Row => "below",
        _ => null,
    };

    private static string CountPrefix(int count) => $"{WorldVocabulary.CountWord(count)} {(count == 1 ? "object" : "objects")}: ";

    private static string List(IEnumerable<string> phrases)
    {
        string[] items = [.. phrases];
        return items.Length == 1 ? items[0] : string.Join(", ", items[..^1]) + " and " + items[^1];
    }
}
