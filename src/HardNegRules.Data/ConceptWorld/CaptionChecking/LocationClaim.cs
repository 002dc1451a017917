namespace HardNegRules.Data.ConceptWorld.CaptionChecking;

/// <summary>An absolute location: the described object's column and/or row.</summary>
/// <param name="Described">Index into <see cref="CaptionClaims.Objects"/>.</param>
/// <param name="Column">The stated column, if any.</param>
/// <param name="Row">The stated row, if any.</param>
public readonly record struct LocationClaim(int Described, int? Column, int? Row);
