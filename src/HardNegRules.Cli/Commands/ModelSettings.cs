using HardNegRules.Training.Presets;

namespace HardNegRules.Cli.Commands;

/// <summary>The options of every command that builds a model from a preset (<c>train</c>, <c>experiment</c>,
/// <c>eval</c>): the preset, its overrides and the rule pack of its negatives.</summary>
internal class ModelSettings : PresetSettings
{
    [CommandOption("--rules <DIR>")]
    [Description("Read the rule pack from DIR at run time (the interpreter) instead of the rules compiled in (rules.directory): the training negatives, and those of eval's text-ranking tests.")]
    public string? RulesDirectory { get; init; }

    /// <inheritdoc />
    internal override PresetEdits Edits() => base.Edits() with { RulesDirectory = RulesDirectory };
}
