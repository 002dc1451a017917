using System.ComponentModel;
using System.Globalization;
using HardNegRules.Training.Merging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HardNegRules.Cli.Commands;

/// <summary>
/// <c>hardneg merge --from A --to B --alpha 0.5 --out DIR</c>: weight averaging of two models of one architecture
/// (WiSE-FT): (1 - alpha) * A + alpha * B. Checkpoints (or their run folders) give a run folder that <c>hardneg eval</c>
/// reads; two safetensors files give a safetensors file that <c>hardneg eval --weights</c> reads.
/// </summary>
internal sealed class MergeCommand : Command<MergeCommand.Settings>
{
    private const string SafetensorsExtension = ".safetensors";

    /// <summary>Options of <c>merge</c>.</summary>
    public sealed class Settings : CommandSettings
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

        [CommandOption("--preset <NAME>")]
        [Description("The preset both checkpoints were trained with. Default: --from's run.json, else concept-world.")]
        public string? Preset { get; init; }

        [CommandOption("--set <KEY=VALUE>")]
        [Description("Override a preset value, as for train and eval. Repeatable.")]
        public string[] Set { get; init; } = [];

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(From) || string.IsNullOrEmpty(To) ? ValidationResult.Error("Give both --from PATH and --to PATH.")
            : string.IsNullOrEmpty(Out) ? ValidationResult.Error("Give --out PATH for the merged model.")
            : !(Alpha >= 0 && Alpha <= 1) ? ValidationResult.Error($"--alpha must be a number from 0 (--from) to 1 (--to); got {Alpha.ToString(CultureInfo.InvariantCulture)}.")
            : IsSafetensors(From) != IsSafetensors(To) ? ValidationResult.Error("--from and --to must be of one kind: two checkpoints or two .safetensors files.")
            : ValidationResult.Success();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string alpha = settings.Alpha.ToString(CultureInfo.InvariantCulture);
        if (IsSafetensors(settings.From!))
        {
            string output = Directory.Exists(settings.Out) ? Path.Combine(settings.Out, "model" + SafetensorsExtension) : settings.Out!;
            IReadOnlyList<string> skipped = SafetensorsAveraging.Merge(Existing(settings.From!, "--from"), Existing(settings.To!, "--to"),
                settings.Alpha, output);
            Console.WriteLine($"Merged {settings.From} and {settings.To} with alpha {alpha} into {output}" +
                (skipped.Count > 0 ? $" (left out non-float tensors: {string.Join(", ", skipped)})." : "."));
            return 0;
        }
        CheckpointMergeResult result = CliErrors.UserInput(() => CheckpointMerge.Merge(new CheckpointMergeOptions
        {
            From = settings.From!,
            To = settings.To!,
            Alpha = settings.Alpha,
            OutDirectory = settings.Out!,
            Preset = settings.Preset,
            Overrides = settings.Set,
        }));
        Console.WriteLine(
            $"Merged {result.From} and {result.To} with alpha {alpha} ({result.TensorCount} tensors, {result.ScalarCount} scalars) into {result.CheckpointPath}.");
        return 0;
    }

    private static bool IsSafetensors(string? path) =>
        path is not null && path.EndsWith(SafetensorsExtension, StringComparison.OrdinalIgnoreCase);

    private static string Existing(string path, string option) =>
        File.Exists(path) ? path : throw new ArgumentException($"{option}: file '{path}' does not exist.");
}
