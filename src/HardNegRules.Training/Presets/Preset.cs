namespace HardNegRules.Training.Presets;

/// <summary>
/// A training preset: everything a run needs besides where to write (data, rules, model, schedule, evaluation). Read
/// from <c>rules/presets/NAME.yaml</c> by <see cref="PresetLoader"/>; command-line overrides use the same keys.
/// </summary>
public sealed record Preset
{
    /// <summary>The preset's name (the file name without extension, unless the file says otherwise).</summary>
    public string Name { get; init; } = "unnamed";

    /// <summary>Free text.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The <c>data:</c> section.</summary>
    public DataPreset Data { get; init; } = new();

    /// <summary>The <c>rules:</c> section.</summary>
    public RulesPreset Rules { get; init; } = new();

    /// <summary>The <c>model:</c> section.</summary>
    public ModelPreset Model { get; init; } = new();

    /// <summary>The <c>schedule:</c> section.</summary>
    public SchedulePreset Schedule { get; init; } = new();

    /// <summary>The <c>evaluation:</c> section.</summary>
    public EvaluationPreset Evaluation { get; init; } = new();
}
