namespace HardNegRules.Data.ConceptWorld.CaptionChecking;

/// <summary>A stated order of all described objects along one axis.</summary>
public enum ClaimedOrder
{
    /// <summary>No order is stated.</summary>
    None,

    /// <summary>Columns strictly increase in mention order.</summary>
    LeftToRight,

    /// <summary>Rows strictly increase in mention order.</summary>
    TopToBottom,
}
