using HardNegRules.Data.ConceptWorld.CaptionWriting;
using HardNegRules.Data.ConceptWorld.Scenes;

namespace HardNegRules.Data.ConceptWorld;

/// <summary>A scene of a split with its id and captions.</summary>
public sealed class WorldScene
{
    internal WorldScene(string id, Scene scene, IReadOnlyList<Caption> captions, bool hasHeldOutPair)
    {
        Id = id;
        Scene = scene;
        Captions = captions;
        HasHeldOutPair = hasHeldOutPair;
    }

    /// <summary>The id, e.g. "test/000042".</summary>
    public string Id { get; }

    /// <summary>The scene graph.</summary>
    public Scene Scene { get; }

    /// <summary>Its captions, each true of the scene.</summary>
    public IReadOnlyList<Caption> Captions { get; }

    /// <summary>Whether an object has a color-shape pair held out of training.</summary>
    public bool HasHeldOutPair { get; }
}
