using HardNegRules.Training.Experiments;
using HardNegRules.Training.Presets;

namespace HardNegRules.Cli.Commands;

/// <summary>
/// <c>hardneg experiment</c>: trains plain CLIP and hard-negative CLIP (and, on request, twin batches) with the same
/// seeds, data and step budget, evaluates them on the same test data, and writes <c>report.json</c>, plots and
/// <c>report.md</c>. The workflow is <see cref="ExperimentRunner"/>'s; this parses options and prints.
/// </summary>
internal sealed class ExperimentCommand : Command<ExperimentCommand.Settings>
{
    /// <summary>The preset of <c>--quick</c>.</summary>
    public const string QuickPreset = "concept-world-quick";

    /// <summary>Options of <c>experiment</c>.</summary>
    public sealed class Settings : TrainSettings
    {
        [CommandOption("--quick")]
        [Description($"Use the {QuickPreset} preset (about two minutes; a smoke test of the direction of the effect) unless --preset is given.")]
        public bool Quick { get; init; }

        [CommandOption("--pretrain-steps <N>")]
        [Description("First train plain CLIP for N steps per seed; every arm then starts from those weights. Default: the preset's schedule.pretrain-steps.")]
        public int? PretrainSteps { get; init; }

        [CommandOption("--seeds <LIST>")]
        [Description("Training seeds, e.g. 42,7,123: every arm runs once per seed and differences are reported as mean +- sd over seeds. Default: --seed or the preset's schedule.seed.")]
        public string? Seeds { get; init; }

        [CommandOption("--arms <LIST>")]
        [Description("The arms to compare: plain, negatives (rule-made text hard negatives), twins (batches of scenes and their binding twins). Default: plain,negatives.")]
        public string? Arms { get; init; }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string presetName = settings.Preset ?? (settings.Quick ? QuickPreset : PresetCatalog.DefaultName);
        ExperimentPlan plan = ExperimentPlan.Create(presetName, settings.Edits(),
            settings.Seeds is null ? null : ExperimentSeeds.Parse(settings.Seeds),
            settings.Arms is null ? null : ExperimentArms.Parse(settings.Arms),
            settings.PretrainSteps, settings.Out) with
        {
            Device = settings.Device,
            Command = CommandLine.Current(),
        };

        ExperimentResult result = ExperimentRunner.Run(plan, ConsoleDisplay.Instance, cancellationToken);

        ConsoleDisplay.Print(result.Report.Table());
        foreach (string headline in result.Report.HeadlineLines())
        {
            Console.WriteLine(headline);
        }
        if (settings.Quick && settings.Preset is null)
        {
            Console.WriteLine($"--quick is a smoke test: at the size of {QuickPreset} binding stays near chance for both arms; run 'hardneg experiment' to measure the effect.");
        }
        if (result.PlotProblem is not null)
        {
            Console.Error.WriteLine(result.PlotProblem);
        }
        Console.Error.WriteLine($"Wrote {Path.Combine(result.Directory, "report.json")} and report.md");
        return 0;
    }
}
