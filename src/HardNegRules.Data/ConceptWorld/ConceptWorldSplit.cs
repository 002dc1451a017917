namespace HardNegRules.Data.ConceptWorld;

/// <summary>One split: its scenes, and its samples (one per caption, scene by scene).</summary>
public sealed class ConceptWorldSplit
{
    internal ConceptWorldSplit(SplitKind kind, IReadOnlyList<WorldScene> scenes, int imageSize)
    {
        Kind = kind;
        Scenes = scenes;
        Samples = [.. scenes.SelectMany(s => s.Captions.Select(c => new ConceptWorldSample(s, c, imageSize)))];
    }

    /// <summary>Which split this is.</summary>
    public SplitKind Kind { get; }

    /// <summary>The scenes, in index order.</summary>
    public IReadOnlyList<WorldScene> Scenes { get; }

    /// <summary>The image-caption samples.</summary>
    public IReadOnlyList<ConceptWorldSample> Samples { get; }
}
