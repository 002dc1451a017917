using HardNegRules.Cli;
using HardNegRules.Cli.Commands;
using Spectre.Console.Cli;

// Redirected output is for files and pipes: never wrap lines at a guessed terminal width.
if (Console.IsOutputRedirected)
{
    Spectre.Console.AnsiConsole.Profile.Width = 4096;
}

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("hardneg");
    config.PropagateExceptions();
    config.AddCommand<PermuteCommand>("permute")
        .WithDescription("Print the hard negatives of one or more captions.")
        .WithExample("permute", "\"A man in a red shirt stands to the left of a small dog.\"");
    config.AddCommand<NegativesCommand>("negatives")
        .WithDescription("Write hard negatives for a file of captions (text lines, JSONL or COCO captions JSON) as JSONL.")
        .WithExample("negatives", "--input", "captions.json", "--output", "negatives.jsonl", "--k", "3", "--seed", "7");
    config.AddCommand<TrainCommand>("train")
        .WithDescription("Train CLIP on a preset's data (the concept world, COCO, Fashion200K, or your own CSV/TSV, JSONL, image folder, NegCLIP TSV, InpaintCOCO) with hard negatives (checkpoints, metrics, TensorBoard).")
        .WithExample("train", "--preset", "concept-world", "--out", "runs/cw", "--k", "1");
    config.AddCommand<EvalCommand>("eval")
        .WithDescription("Evaluate a checkpoint or CLIP weights on its preset's held-out data, SugarCrepe, InpaintCOCO, Winoground, ARO or all of them (--suite); --compare puts a second model beside it.")
        .WithExample("eval", "--checkpoint", "runs/cw/checkpoint.bin", "--out", "metrics.json");
    config.AddCommand<ExperimentCommand>("experiment")
        .WithDescription("Train plain and hard-negative CLIP alike, evaluate both, write report.json, plots and report.md.")
        .WithExample("experiment", "--quick", "--out", "runs/quick");
    config.AddCommand<BenchCommand>("bench")
        .WithDescription("Time training steps of a model on synthetic data (steps/s, ms/step, RSS over the run).")
        .WithExample("bench", "--model", "small", "--batch", "128", "--k", "1", "--out", "bench.json");
    config.AddBranch("rules", rules =>
    {
        rules.SetDescription("Check and explain concept rules.");
        rules.AddCommand<RulesCheckCommand>("check").WithDescription("Check rule files and print the build's diagnostics; exit code 1 on errors.");
        rules.AddCommand<RulesExplainCommand>("explain").WithDescription("Show what the rules match in a caption, and why a candidate was skipped.");
        rules.AddCommand<RulesReportCommand>("report").WithDescription("Coverage per concept and automated defect counts of a pack's negatives on a captions file.");
    });
});

return CliErrors.Run(() => app.Run(CommandLine.Normalize(args)));
