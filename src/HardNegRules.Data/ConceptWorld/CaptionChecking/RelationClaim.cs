namespace HardNegRules.Data.ConceptWorld.CaptionChecking;

/// <summary>"described object <paramref name="First"/> is <paramref name="Relation"/> described object <paramref name="Second"/>".</summary>
/// <param name="First">Index into <see cref="CaptionClaims.Objects"/>.</param>
/// <param name="Relation">The relation.</param>
/// <param name="Second">Index into <see cref="CaptionClaims.Objects"/>.</param>
public readonly record struct RelationClaim(int First, SpatialRelation Relation, int Second);
