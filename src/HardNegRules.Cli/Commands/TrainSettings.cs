using HardNegRules.Training.Loss;
using HardNegRules.Training.Presets;

namespace HardNegRules.Cli.Commands;

/// <summary>The options shared by <c>train</c> and <c>experiment</c>: the preset and typed overrides of its values.</summary>
internal class TrainSettings : PresetSettings
{
    [CommandOption("--steps <N>")]
    [Description("Optimizer steps (schedule.steps).")]
    public int? Steps { get; init; }

    [CommandOption("-k <K>")]
    [Description("Hard negatives per caption (rules.k; also written --k); 0 trains plain CLIP.")]
    public int? K { get; init; }

    [CommandOption("--mode <MODE>")]
    [Description("append or replace (rules.mode).")]
    public string? Mode { get; init; }

    [CommandOption("--seed <SEED>")]
    [Description("Seed of initialisation, data order and negatives (schedule.seed).")]
    public int? Seed { get; init; }

    [CommandOption("--device <DEVICE>")]
    [Description("cpu or cuda (cuda:N).")]
    [DefaultValue("cpu")]
    public string Device { get; init; } = "cpu";

    [CommandOption("--rules <DIR>")]
    [Description("Read the rule pack from DIR at run time (the interpreter) instead of the rules compiled in (rules.directory).")]
    public string? RulesDirectory { get; init; }

    /// <summary>The preset name to load.</summary>
    internal string PresetName => Preset ?? PresetCatalog.DefaultName;

    /// <summary>The changes these options make to the preset (--set last, so it wins).</summary>
    /// <returns>The changes.</returns>
    internal PresetEdits Edits() => new()
    {
        Steps = Steps,
        K = K,
        Mode = Mode is null ? null : Mode == "replace" ? HardNegativeMode.Replace : HardNegativeMode.Append,
        Seed = Seed,
        RulesDirectory = RulesDirectory,
        Overrides = Set,
    };

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        Steps is < 1 ? ValidationResult.Error($"--steps must be at least 1; got {Steps}.")
        : K is < 0 ? ValidationResult.Error($"--k must be 0 or more; got {K}.")
        : Mode is not (null or "append" or "replace") ? ValidationResult.Error($"--mode must be append or replace; got '{Mode}'.")
        : !IsDevice(Device) ? ValidationResult.Error($"--device must be cpu, cuda or cuda:N; got '{Device}'.")
        : Preset is { Length: 0 } ? ValidationResult.Error("--preset must name a preset or a YAML file; got an empty value.")
        : Set.FirstOrDefault(s => !s.Contains('=', StringComparison.Ordinal)) is { } bad
            ? ValidationResult.Error($"--set takes section.key=value (e.g. schedule.steps=200); got '{bad}'.")
        : ValidationResult.Success();

    private static bool IsDevice(string device) =>
        device is "cpu" or "cuda"
        || (device.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(device.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out _));
}
