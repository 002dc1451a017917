namespace HardNegRules.Data.ConceptWorld.CaptionChecking;

/// <summary>What a parsed caption claims about a scene (see <see cref="CaptionParser"/>).</summary>
public sealed class CaptionClaims
{
    internal CaptionClaims(
        IReadOnlyList<ObjectDescription> objects,
        int? count,
        ClaimedOrder order,
        IReadOnlyList<RelationClaim> relations,
        IReadOnlyList<LocationClaim> locations)
    {
        Objects = objects;
        Count = count;
        Order = order;
        Relations = relations;
        Locations = locations;
    }

    /// <summary>The described objects, in mention order; each must be a distinct object of the scene.</summary>
    public IReadOnlyList<ObjectDescription> Objects { get; }

    /// <summary>The stated number of objects in the scene, if any ("two objects: ...").</summary>
    public int? Count { get; }

    /// <summary>A stated order of the described objects, if any ("from left to right: ...").</summary>
    public ClaimedOrder Order { get; }

    /// <summary>Relations between described objects.</summary>
    public IReadOnlyList<RelationClaim> Relations { get; }

    /// <summary>Absolute locations of described objects.</summary>
    public IReadOnlyList<LocationClaim> Locations { get; }
}
