using HardNegRules.Training.Evaluation;
using HardNegRules.Training.Experiments;
using HardNegRules.Training.Training;

namespace HardNegRules.Cli.Commands;

/// <summary>
/// What the console shows beyond plain lines: while long work runs, on stderr, a spinner under a status message or a
/// progress bar of training (loss, learning rate, samples/s); on stdout, the tables of results.
/// </summary>
internal sealed class ConsoleDisplay : IExperimentObserver
{
    /// <summary>The one display.</summary>
    public static ConsoleDisplay Instance { get; } = new();

    /// <summary>The console of stderr.</summary>
    public static IAnsiConsole Stderr { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    /// <inheritdoc />
    public T Status<T>(string message, Func<T> work) => Updating(message, _ => work());

    /// <summary>Runs <paramref name="work"/> under a spinner and <paramref name="message"/>, which the work may replace.</summary>
    /// <typeparam name="T">The work's result.</typeparam>
    /// <param name="message">What is being done.</param>
    /// <param name="work">The work; it is given the action that replaces the message.</param>
    /// <returns>Its result.</returns>
    public static T Updating<T>(string message, Func<Action<string>, T> work) =>
        Stderr.Status().Start(message, context => work(text => context.Status(text)));

    /// <inheritdoc />
    public TrainingResult Train(string label, int steps, Func<IProgress<TrainingProgress>?, TrainingResult> train) =>
        Train(label, steps, 0, progress => train(progress));

    /// <summary>Runs <paramref name="train"/> with a progress bar labelled <paramref name="label"/>.</summary>
    /// <param name="label">What is being trained.</param>
    /// <param name="totalSteps">Steps of the whole run.</param>
    /// <param name="firstStep">The step training starts from (non-zero when resuming).</param>
    /// <param name="train">Trains, reporting to the progress it is given.</param>
    /// <returns>The training result.</returns>
    public static TrainingResult Train(string label, int totalSteps, int firstStep, Func<IProgress<TrainingProgress>, TrainingResult> train) =>
        Stderr.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(label, maxValue: totalSteps);
                task.Value = firstStep;
                return train(new InlineProgress<TrainingProgress>(report =>
                {
                    task.Value = report.Step;
                    task.Description = string.Create(CultureInfo.InvariantCulture,
                        $"{label} step {report.Step}/{report.TotalSteps} loss {report.Loss:0.000} lr {report.LearningRate:0.0e0} {report.SamplesPerSecond:0} samples/s");
                }));
            });

    /// <summary>Prints an evaluation table: the library's cells, number columns right-aligned.</summary>
    /// <param name="cells">The table.</param>
    public static void Print(EvaluationTable cells)
    {
        var table = new Table();
        for (int c = 0; c < cells.Header.Count; c++)
        {
            var column = new TableColumn(Markup.Escape(cells.Header[c]));
            table.AddColumn(c >= cells.NumericFrom ? column.RightAligned() : column);
        }
        foreach (string[] row in cells.Rows)
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }
        AnsiConsole.Write(table);
    }
}
