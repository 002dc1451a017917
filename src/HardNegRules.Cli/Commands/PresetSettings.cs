using HardNegRules.Training.Presets;

namespace HardNegRules.Cli.Commands;

/// <summary>The options of every command that reads a preset (<c>train</c>, <c>experiment</c>, <c>eval</c>,
/// <c>merge</c>): which preset, and overrides of its values.</summary>
internal class PresetSettings : CommandSettings
{
    [CommandOption("--preset <NAME>")]
    [Description("A preset in rules/presets/ (concept-world, concept-world-quick, coco, fashion200k, custom) or a YAML file; eval and merge: the one the model was trained with. Default: concept-world; eval and merge: the run folder's run.json (eval --weights: coco).")]
    public string? Preset { get; init; }

    [CommandOption("--set <KEY=VALUE>")]
    [Description("Override any preset value, e.g. --set data.captions=captions_train2017.json --set rules.weight={location: 3}. Repeatable.")]
    public string[] Set { get; init; } = [];

    /// <summary>The changes these options make to the preset (--set last, so it wins).</summary>
    /// <returns>The changes.</returns>
    internal virtual PresetEdits Edits() => new() { Overrides = Set };

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        Edits().Problem() is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success();
}
