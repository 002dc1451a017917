using System.Runtime;
using HardNegRules.Cli;
using HardNegRules.Cli.Commands;

CliErrors.HandleOtherThreads();

// Multicore JIT: each command records the methods a run compiles, and its next run compiles them on the other core
// ahead of need. The profile is a cache in the temporary folder; without one, start-up is only slower.
try
{
    ProfileOptimization.SetProfileRoot(Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "hardneg-startup")).FullName);
    ProfileOptimization.StartProfile($"{args.FirstOrDefault(a => a.Length > 0 && a.All(char.IsAsciiLetter)) ?? "help"}-{typeof(CliErrors).Module.ModuleVersionId:N}.profile");
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    // Start-up speed alone depends on the profile.
}

// Redirected output is for files and pipes: never wrap lines at a guessed terminal width.
if (Console.IsOutputRedirected)
{
    Spectre.Console.AnsiConsole.Profile.Width = 4096;
}

var catalog = new OptionCatalog();
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("hardneg");
    config.PropagateExceptions();
    // An option a command does not have is an error, never silently ignored.
    config.UseStrictParsing();
    Add<PermuteCommand>(config, "permute")
        .WithDescription("Print the hard negatives of one or more captions.")
        .WithExample("permute", "\"A man in a red shirt stands to the left of a small dog.\"");
    Add<NegativesCommand>(config, "negatives")
        .WithDescription("Write hard negatives for a file of captions (text lines, JSONL or COCO captions JSON) as JSONL.")
        .WithExample("negatives", "--input", "captions.json", "--output", "negatives.jsonl", "--k", "3", "--seed", "7");
    Add<TrainCommand>(config, "train")
        .WithDescription("Train CLIP on a preset's data (the concept world, COCO, Fashion200K, or your own CSV/TSV, JSONL, image folder, NegCLIP TSV, InpaintCOCO) with hard negatives (checkpoints, metrics, TensorBoard).")
        .WithExample("train", "--preset", "concept-world", "--out", "runs/cw", "--k", "1");
    Add<EvalCommand>(config, "eval")
        .WithDescription("Evaluate a checkpoint or CLIP weights on its preset's held-out data, SugarCrepe, InpaintCOCO, Winoground, ARO or all of them (--suite); --compare puts a second model beside it.")
        .WithExample("eval", "--checkpoint", "runs/cw/checkpoint.bin", "--out", "metrics.json");
    Add<ExperimentCommand>(config, "experiment")
        .WithDescription("Train plain and hard-negative CLIP alike, evaluate both, write report.json, plots and report.md.")
        .WithExample("experiment", "--quick", "--out", "runs/quick");
    Add<MergeCommand>(config, "merge")
        .WithDescription("Average the weights of two models of one architecture (WiSE-FT): (1 - alpha) * --from + alpha * --to.")
        .WithExample("merge", "--from", "runs/plain", "--to", "runs/negatives", "--alpha", "0.5", "--out", "runs/merged");
    Add<BenchCommand>(config, "bench")
        .WithDescription("Time training steps of a model on synthetic data (steps/s, ms/step, RSS over the run).")
        .WithExample("bench", "--model", "small", "--batch", "128", "--k", "1", "--out", "bench.json");
    config.AddBranch("rules", rules =>
    {
        rules.SetDescription("Check and explain concept rules.");
        AddRules<RulesCheckCommand>(rules, "check").WithDescription("Check rule files and print the build's diagnostics; exit code 1 on errors.");
        AddRules<RulesExplainCommand>(rules, "explain").WithDescription("Show what the rules match in each caption, and why a candidate was skipped.");
        AddRules<RulesReportCommand>(rules, "report").WithDescription("Coverage per concept and automated defect counts of a pack's negatives on a captions file.");
    });
});

return CliErrors.Run(() => app.Run(CommandLine.Prepare(args, catalog)));

// Every command is registered with the catalog too, so that its options are checked before parsing.
ICommandConfigurator Add<TCommand>(IConfigurator config, string name)
    where TCommand : class, ICommand
{
    catalog.Add(name, typeof(TCommand));
    return config.AddCommand<TCommand>(name);
}

ICommandConfigurator AddRules<TCommand>(IConfigurator<CommandSettings> rules, string name)
    where TCommand : class, ICommandLimiter<CommandSettings>
{
    catalog.Add($"rules {name}", typeof(TCommand));
    return rules.AddCommand<TCommand>(name);
}
