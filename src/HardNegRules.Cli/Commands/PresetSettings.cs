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

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        Set.FirstOrDefault(s => !s.Contains('=', StringComparison.Ordinal)) is { } bad
            ? ValidationResult.Error($"--set takes section.key=value (e.g. schedule.steps=200); got '{bad}'.")
            : ValidationResult.Success();
}
