using HardNegRules.Data.ConceptWorld.Scenes;

namespace HardNegRules.Data.ConceptWorld.CaptionWriting;

/// <summary>A caption of a scene, true of it, with the concepts it mentions.</summary>
public sealed class Caption
{
    internal Caption(string id, string text, CaptionPlan plan)
    {
        Id = id;
        Text = text;
        Plan = plan;
    }

    /// <summary>A unique id, e.g. "train/000042/1" (split, scene index, caption index).</summary>
    public string Id { get; }

    /// <summary>The caption text, lower case, e.g. "a small red circle to the left of a large blue square".</summary>
    public string Text { get; }

    /// <summary>The template the caption was written from.</summary>
    public CaptionTemplate Template => Plan.Template;

    /// <summary>The concepts the caption mentions (shape always; color, size, location when stated).</summary>
    public WorldConcepts Concepts => Plan.Concepts;

    /// <summary>Whether the caption states location (counts toward <see cref="ConceptWorldOptions.PositionalCaptionShare"/>).</summary>
    public bool IsPositional => CaptionPlan.IsPositional(Plan.Template);

    /// <summary>Indices into <see cref="Scene.Objects"/> of the objects the caption names, in the plan's order.</summary>
    public IReadOnlyList<int> MentionedObjects => Plan.Objects;

    internal CaptionPlan Plan { get; }

    /// <summary>The caption text.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;
}
