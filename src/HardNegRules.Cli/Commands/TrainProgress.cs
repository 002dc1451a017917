using HardNegRules.Training.Training;

namespace HardNegRules.Cli.Commands;

/// <summary>Runs training under a Spectre.Console progress bar on stderr that shows loss, learning rate and samples/s.</summary>
internal static class TrainProgress
{
    /// <summary>Runs <paramref name="train"/> with a progress bar labelled <paramref name="label"/>.</summary>
    /// <param name="label">What is being trained.</param>
    /// <param name="totalSteps">Steps of the whole run.</param>
    /// <param name="firstStep">The step training starts from (non-zero when resuming).</param>
    /// <param name="train">Trains, reporting to the progress it is given.</param>
    /// <returns>The training result.</returns>
    public static TrainingResult Run(string label, int totalSteps, int firstStep, Func<IProgress<TrainingProgress>, TrainingResult> train)
    {
        TrainingResult? result = null;
        CliErrors.Stderr.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(label, maxValue: totalSteps);
                task.Value = firstStep;
                var progress = new InlineProgress<TrainingProgress>(report =>
                {
                    task.Value = report.Step;
                    task.Description = string.Create(CultureInfo.InvariantCulture,
                        $"{label} step {report.Step}/{report.TotalSteps} loss {report.Loss:0.000} lr {report.LearningRate:0.0e0} {report.SamplesPerSecond:0} samples/s");
                });
                result = train(progress);
            });
        return result!;
    }
}
