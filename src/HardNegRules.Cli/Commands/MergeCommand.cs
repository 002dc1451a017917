using HardNegRules.Training.Merging;

namespace HardNegRules.Cli.Commands;

/// <summary>
/// <c>hardneg merge --from A --to B --alpha 0.5 --out DIR</c>: weight averaging of two models of one architecture
/// (WiSE-FT): (1 - alpha) * A + alpha * B. Checkpoints (or their run folders) give a run folder that <c>hardneg eval</c>
/// reads; two safetensors files give a safetensors file that <c>hardneg eval --weights</c> reads. The work is
/// <see cref="ModelMerge"/>'s.
/// </summary>
internal sealed class MergeCommand : Command<MergeCommand.Settings>
{
    /// <summary>Options of <c>merge</c>.</summary>
    public sealed class Settings : PresetSettings
    {
        [CommandOption("--from <PATH>")]
        [Description("The model at alpha 0: a checkpoint.bin, its run folder, or a .safetensors file.")]
        public string? From { get; init; }

        [CommandOption("--to <PATH>")]
        [Description("The model at alpha 1, of the same architecture and kind as --from.")]
        public string? To { get; init; }

        [CommandOption("--alpha <ALPHA>")]
        [Description("The weight of --to, from 0 (--from exactly) to 1 (--to exactly).")]
        [DefaultValue(0.5)]
        public double Alpha { get; init; } = 0.5;

        [CommandOption("-o|--out <PATH>")]
        [Description("Checkpoints: the output run folder (checkpoint.bin, run.json, merge.json). Safetensors: the output file (a folder gets model.safetensors).")]
        public string? Out { get; init; }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Console.WriteLine(CliErrors.UserInput(() => ModelMerge.Merge(new CheckpointMergeOptions
        {
            From = settings.From ?? string.Empty,
            To = settings.To ?? string.Empty,
            Alpha = settings.Alpha,
            OutDirectory = settings.Out ?? string.Empty,
            Preset = settings.Preset,
            Overrides = settings.Set,
        })));
        return 0;
    }
}
