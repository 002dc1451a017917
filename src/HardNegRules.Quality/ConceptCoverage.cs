namespace HardNegRules.Quality;

/// <summary>How often a concept's rules produce negatives over a set of captions.</summary>
/// <param name="Concept">The concept.</param>
/// <param name="CaptionsWithNegative">Captions with at least one negative of this concept.</param>
/// <param name="Captions">All captions read.</param>
/// <param name="Negatives">The negatives of this concept made (up to k per caption).</param>
/// <param name="Swaps">Of those, how many are swaps.</param>
public sealed record ConceptCoverage(string Concept, int CaptionsWithNegative, int Captions, int Negatives, int Swaps)
{
    /// <summary>The share of captions with at least one negative of this concept (0 when there are no captions).</summary>
    public double Share => Captions == 0 ? 0 : (double)CaptionsWithNegative / Captions;
}
