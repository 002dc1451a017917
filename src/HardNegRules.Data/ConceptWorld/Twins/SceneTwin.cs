using HardNegRules.Data.ConceptWorld.CaptionWriting;
using HardNegRules.Data.ConceptWorld.Scenes;

namespace HardNegRules.Data.ConceptWorld.Twins;

/// <summary>
/// A test scene and its twin, which differs in exactly one concept (the InpaintCOCO idea): a model that understands
/// the caption must pick the original for <see cref="Caption"/> and the twin for <see cref="TwinCaption"/>.
/// </summary>
public sealed class SceneTwin
{
    internal SceneTwin(
        string id, Scene original, Scene twin, TwinKind kind, WorldConcepts concept, IReadOnlyList<int> changedObjects, string caption, string twinCaption, bool hasHeldOutPair)
    {
        Id = id;
        Original = original;
        Twin = twin;
        Kind = kind;
        Concept = concept;
        ChangedObjects = changedObjects;
        Caption = caption;
        TwinCaption = twinCaption;
        HasHeldOutPair = hasHeldOutPair;
    }

    /// <summary>A unique id, e.g. "test/000042/binding-color".</summary>
    public string Id { get; }

    /// <summary>The test scene.</summary>
    public Scene Original { get; }

    /// <summary>The changed scene (same background and noise, so pixels differ only where the change is).</summary>
    public Scene Twin { get; }

    /// <summary>Replace or binding.</summary>
    public TwinKind Kind { get; }

    /// <summary>The one concept changed: color, shape, size or location.</summary>
    public WorldConcepts Concept { get; }

    /// <summary>Indices of the changed objects (one for replace, two for binding).</summary>
    public IReadOnlyList<int> ChangedObjects { get; }

    /// <summary>A caption true of the original and false of the twin.</summary>
    public string Caption { get; }

    /// <summary>The same caption said of the twin: true of the twin and false of the original.</summary>
    public string TwinCaption { get; }

    /// <summary>Whether either scene contains a color-shape pair held out of training.</summary>
    public bool HasHeldOutPair { get; }
}
