using HardNegRules.Training.Loss;
using HardNegRules.Training.Presets;
using HardNegRules.Training.Training;

namespace HardNegRules.Cli.Commands;

/// <summary>The options shared by <c>train</c> and <c>experiment</c>: typed overrides of the preset's values, the output folder and the device.</summary>
internal class TrainSettings : ModelSettings
{
    [CommandOption("--steps <N>")]
    [Description("Optimizer steps (schedule.steps).")]
    public int? Steps { get; init; }

    [CommandOption("-k <K>")]
    [Description("Hard negatives per caption (rules.k; also written --k); 0 trains plain CLIP.")]
    public int? K { get; init; }

    [CommandOption("--mode <MODE>")]
    [Description("append or replace (rules.mode).")]
    public HardNegativeMode? Mode { get; init; }

    [CommandOption("--seed <SEED>")]
    [Description("Seed of initialisation, data order and negatives (schedule.seed).")]
    public int? Seed { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("The output folder. train: the run folder (checkpoint.bin, metrics.jsonl, run.json), default runs/<preset>; experiment: report.json, report.md, plots, CSVs and one folder per seed and arm, default runs/experiment-<preset>.")]
    public string? Out { get; init; }

    [CommandOption("--device <DEVICE>")]
    [Description("cpu or cuda (cuda:N).")]
    [DefaultValue("cpu")]
    public string Device { get; init; } = "cpu";

    /// <inheritdoc />
    internal override PresetEdits Edits() => base.Edits() with
    {
        Steps = Steps,
        K = K,
        Mode = Mode,
        Seed = Seed,
    };

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        !TrainingDevice.IsName(Device) ? ValidationResult.Error($"--device must be cpu, cuda or cuda:N; got '{Device}'.") : base.Validate();
}
