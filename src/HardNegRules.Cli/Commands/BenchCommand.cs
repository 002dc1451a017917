using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using HardNegRules.Data.IO;
using HardNegRules.Training.Benchmarks;
using HardNegRules.Training.Loss;
using HardNegRules.Training.Model;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HardNegRules.Cli.Commands;

/// <summary>
/// <c>hardneg bench</c>: times whole training steps of a model on synthetic data (steps/s, samples/s, ms/step of the
/// best and the median window) and samples the process's resident memory every few steps, so that a leak shows as a
/// slope. Optionally writes the figures as JSON.
/// </summary>
public sealed class BenchCommand : Command<BenchCommand.Settings>
{
    private static readonly Dictionary<string, ClipModelOptions> Models = new(StringComparer.OrdinalIgnoreCase)
    {
        ["small"] = ClipModelOptions.SmallCpu,
        ["small-vit"] = ClipModelOptions.SmallVit,
        ["vit-b32"] = ClipModelOptions.VitB32,
    };

    /// <summary>Options of <c>bench</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The architecture.</summary>
        [CommandOption("--model <NAME>")]
        [Description("small (the default conv tower + 2-layer text transformer), small-vit or vit-b32.")]
        [DefaultValue("small")]
        public string Model { get; init; } = "small";

        /// <summary>Image-caption pairs per step.</summary>
        [CommandOption("--batch <N>")]
        [Description("Image-caption pairs per step.")]
        [DefaultValue(128)]
        public int Batch { get; init; } = 128;

        /// <summary>Hard negatives per caption.</summary>
        [CommandOption("-k <K>")]
        [Description("Hard negatives per caption (also written --k); each is one more caption through the text tower.")]
        [DefaultValue(0)]
        public int K { get; init; }

        /// <summary>How negatives enter the loss.</summary>
        [CommandOption("--mode <MODE>")]
        [Description("append or replace.")]
        [DefaultValue(HardNegativeMode.Append)]
        public HardNegativeMode Mode { get; init; } = HardNegativeMode.Append;

        /// <summary>Timed steps.</summary>
        [CommandOption("--steps <N>")]
        [Description("Timed steps after the warm-up; a multiple of --window.")]
        [DefaultValue(60)]
        public int Steps { get; init; } = 60;

        /// <summary>Untimed steps first.</summary>
        [CommandOption("--warmup <N>")]
        [Description("Untimed steps before timing (allocator and threads settle).")]
        [DefaultValue(10)]
        public int Warmup { get; init; } = 10;

        /// <summary>Steps per timed window.</summary>
        [CommandOption("--window <N>")]
        [Description("Steps per timed window: the best and the median window are reported.")]
        [DefaultValue(10)]
        public int Window { get; init; } = 10;

        /// <summary>Torch threads.</summary>
        [CommandOption("--threads <N>")]
        [Description("Torch intra-op threads; 0 means one per core.")]
        [DefaultValue(0)]
        public int Threads { get; init; }

        /// <summary>Steps between RSS samples.</summary>
        [CommandOption("--rss-every <N>")]
        [Description("Sample resident memory every N steps (0: only at start, after the warm-up and at the end).")]
        [DefaultValue(50)]
        public int RssEvery { get; init; } = 50;

        /// <summary>A whole training step, or forward and backward only.</summary>
        [CommandOption("--forward-backward")]
        [Description("Time forward, loss and backward on fixed tensors only (no data side, no optimizer).")]
        public bool ForwardBackward { get; init; }

        /// <summary>Where to write the figures as JSON.</summary>
        [CommandOption("-o|--out <FILE>")]
        [Description("Write the figures as JSON to FILE (atomically).")]
        public string? Out { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            !Models.ContainsKey(Model) ? ValidationResult.Error($"--model must be one of {string.Join(", ", Models.Keys)}; got '{Model}'.")
            : Batch < 1 ? ValidationResult.Error("--batch must be at least 1.")
            : K < 0 ? ValidationResult.Error("--k must be 0 or more.")
            : Warmup < 0 ? ValidationResult.Error("--warmup must be 0 or more.")
            : Window < 1 ? ValidationResult.Error("--window must be at least 1.")
            : Steps < 1 || Steps % Window != 0 ? ValidationResult.Error($"--steps must be a positive multiple of --window ({Window}).")
            : Threads < 0 ? ValidationResult.Error("--threads must be 0 or more.")
            : RssEvery < 0 ? ValidationResult.Error("--rss-every must be 0 or more.")
            : ValidationResult.Success();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string model = settings.Model.ToLowerInvariant();
        var options = new BenchmarkOptions(Models[model], settings.Batch, settings.K,
            settings.ForwardBackward ? BenchmarkScope.ForwardBackward : BenchmarkScope.TrainingStep, settings.Mode,
            WarmupSteps: settings.Warmup, MeasuredSteps: settings.Window, Threads: settings.Threads,
            Windows: settings.Steps / settings.Window, MemorySampleEvery: settings.RssEvery);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Benchmarking {model}: batch {settings.Batch}, k = {settings.K}, {settings.Warmup} warm-up + {settings.Steps} timed steps..."));

        BenchmarkResult result = TrainingBenchmark.Run(options);
        BenchmarkReport report = BenchmarkReport.From(model, result, BenchmarkMachine.Current());

        Print(report);
        if (settings.Out is not null)
        {
            AtomicFile.Write(settings.Out, stream => JsonSerializer.Serialize(stream, report, BenchmarkReport.Json));
            Console.Error.WriteLine($"Wrote {settings.Out}");
        }
        return 0;
    }

    private static void Print(BenchmarkReport report)
    {
        RssReport rss = report.Memory;
        string load = string.Join(" ", report.Machine.LoadAverage.Select(l => l.ToString("0.00", CultureInfo.InvariantCulture)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"""
            {report.Model} ({report.Parameters:N0} parameters), {report.Scope}, batch {report.Batch}, k {report.K} ({report.Mode}), {report.Threads} threads
            best window:   {report.StepsPerSecond:0.00} steps/s  {report.SamplesPerSecond:0.0} samples/s  {report.MsPerStepBest:0.0} ms/step
            median window: {1000 / report.MsPerStepMedian:0.00} steps/s  {1000 * report.Batch / report.MsPerStepMedian:0.0} samples/s  {report.MsPerStepMedian:0.0} ms/step
            windows ({report.Window} steps, ms/step): {string.Join(" ", report.WindowMsPerStep.Select(ms => ms.ToString("0", CultureInfo.InvariantCulture)))}
            CPU time (all threads): {report.CpuMsPerStepMedian:0.0} ms/step in the median window; windows: {string.Join(" ", report.WindowCpuMsPerStep.Select(ms => ms.ToString("0", CultureInfo.InvariantCulture)))}
            RSS MiB: before model {rss.BeforeModelMb:0}, start {rss.StartMb:0}, after warm-up {rss.AfterWarmupMb:0}, end {rss.EndMb:0}, max {rss.MaxMb:0}; slope after warm-up {rss.SlopeMbPer1000Steps:0.0} MiB/1000 steps
            RSS samples (step:MiB): {string.Join(" ", rss.Samples.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Step}:{s.Mb:0}")))}
            load average {load} on {report.Machine.Processors} processors, {report.Machine.DateUtc:yyyy-MM-dd HH:mm} UTC
            """));
    }
}
