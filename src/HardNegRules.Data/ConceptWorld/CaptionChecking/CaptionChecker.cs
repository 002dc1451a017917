using HardNegRules.Data.ConceptWorld.Scenes;

namespace HardNegRules.Data.ConceptWorld.CaptionChecking;

/// <summary>
/// Decides whether a caption is true of a scene from the caption's text: the caption is true when its described
/// objects can be matched to distinct objects of the scene so that every claim (attributes, locations, relations,
/// order, count) holds. Used by the tests to check every caption, and by twins and text negatives to keep only those
/// that are false where they must be.
/// </summary>
public static class CaptionChecker
{
    /// <summary>Whether <paramref name="caption"/> is true of <paramref name="scene"/>.</summary>
    /// <param name="caption">The caption text.</param>
    /// <param name="scene">The scene.</param>
    /// <returns>True when the caption's claims hold.</returns>
    /// <exception cref="FormatException">The caption is not in the world's caption language.</exception>
    public static bool IsTrueOf(string caption, Scene scene)
    {
        if (!CaptionParser.TryParse(caption, out CaptionClaims? claims))
        {
            throw new FormatException($"Not a concept-world caption: \"{caption}\".");
        }

        return IsTrueOf(claims, scene);
    }

    /// <summary>Whether <paramref name="claims"/> hold in <paramref name="scene"/>.</summary>
    /// <param name="claims">Parsed claims.</param>
    /// <param name="scene">The scene.</param>
    /// <returns>True when some matching of described to actual objects satisfies every claim.</returns>
    public static bool IsTrueOf(CaptionClaims claims, Scene scene)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(scene);
        if (claims.Count is int count && count != scene.Objects.Count)
        {
            return false;
        }

        if (claims.Objects.Count > scene.Objects.Count)
        {
            return false;
        }

        return TryMatch(claims, scene, new int[claims.Objects.Count], 0, 0);
    }

    /// <summary>Depth-first search over injective matchings; at most 3! of them, so brute force is the clear choice.</summary>
    private static bool TryMatch(CaptionClaims claims, Scene scene, int[] matched, int next, int usedMask)
    {
        if (next == matched.Length)
        {
            return Holds(claims, scene, matched);
        }

        for (int candidate = 0; candidate < scene.Objects.Count; candidate++)
        {
            if ((usedMask & (1 << candidate)) != 0 || !claims.Objects[next].Matches(scene.Objects[candidate]))
            {
                continue;
            }

            matched[next] = candidate;
            if (TryMatch(claims, scene, matched, next + 1, usedMask | (1 << candidate)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Holds(CaptionClaims claims, Scene scene, int[] matched)
    {
        GridCell CellOf(int described) => scene.Objects[matched[described]].Cell;

        foreach (LocationClaim location in claims.Locations)
        {
            GridCell cell = CellOf(location.Described);
            if ((location.Column is int column && cell.Column != column) || (location.Row is int row && cell.Row != row))
            {
                return false;
            }
        }

        foreach (RelationClaim relation in claims.Relations)
        {
            GridCell first = CellOf(relation.First), second = CellOf(relation.Second);
            bool holds = relation.Relation switch
            {
                SpatialRelation.LeftOf => first.Column < second.Column,
                SpatialRelation.RightOf => first.Column > second.Column,
                SpatialRelation.Above => first.Row < second.Row,
                SpatialRelation.Below => first.Row > second.Row,
                _ => false,
            };
            if (!holds)
            {
                return false;
            }
        }

        for (int i = 1; i < matched.Length && claims.Order != ClaimedOrder.None; i++)
        {
            GridCell previous = CellOf(i - 1), current = CellOf(i);
            bool increasing = claims.Order == ClaimedOrder.LeftToRight ? previous.Column < current.Column : previous.Row < current.Row;
            if (!increasing)
            {
                return false;
            }
        }

        return true;
    }
}
