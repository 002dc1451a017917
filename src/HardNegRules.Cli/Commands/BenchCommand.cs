using System.Text.Json;
using HardNegRules.Data.IO;
using HardNegRules.Training.Benchmarks;
using HardNegRules.Training.Loss;

namespace HardNegRules.Cli.Commands;

/// <summary>
/// <c>hardneg bench</c>: times whole training steps of a model on synthetic data (steps/s, samples/s, ms/step of the
/// best and the median window) and samples the process's resident memory every few steps, so that a leak shows as a
/// slope. Optionally writes the figures as JSON.
/// </summary>
internal sealed class BenchCommand : Command<BenchCommand.Settings>
{
    /// <summary>Options of <c>bench</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--model <NAME>")]
        [Description("small (the default conv tower + 2-layer text transformer), small-vit or vit-b32.")]
        [DefaultValue("small")]
        public string Model { get; init; } = "small";

        [CommandOption("--batch <N>")]
        [Description("Image-caption pairs per step.")]
        [DefaultValue(128)]
        public int Batch { get; init; } = 128;

        [CommandOption("-k <K>")]
        [Description("Hard negatives per caption (also written --k); each is one more caption through the text tower.")]
        [DefaultValue(0)]
        public int K { get; init; }

        [CommandOption("--mode <MODE>")]
        [Description("append or replace.")]
        [DefaultValue(HardNegativeMode.Append)]
        public HardNegativeMode Mode { get; init; } = HardNegativeMode.Append;

        [CommandOption("--steps <N>")]
        [Description("Timed steps after the warm-up; a multiple of --window.")]
        [DefaultValue(60)]
        public int Steps { get; init; } = 60;

        [CommandOption("--warmup <N>")]
        [Description("Untimed steps before timing (allocator and threads settle).")]
        [DefaultValue(10)]
        public int Warmup { get; init; } = 10;

        [CommandOption("--window <N>")]
        [Description("Steps per timed window: the best and the median window are reported.")]
        [DefaultValue(10)]
        public int Window { get; init; } = 10;

        [CommandOption("--threads <N>")]
        [Description("Torch intra-op threads; 0 means one per core.")]
        [DefaultValue(0)]
        public int Threads { get; init; }

        [CommandOption("--rss-every <N>")]
        [Description("Sample resident memory every N steps (0: only at start, after the warm-up and at the end).")]
        [DefaultValue(50)]
        public int RssEvery { get; init; } = 50;

        [CommandOption("--scope <SCOPE>")]
        [Description("step (a whole training step, the default), forward-backward, forward or optimizer (the parts on one fixed batch).")]
        [DefaultValue("step")]
        public string Scope { get; init; } = "step";

        [CommandOption("-o|--out <FILE>")]
        [Description("Write the figures as JSON to FILE (atomically).")]
        public string? Out { get; init; }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        BenchmarkOptions options = BenchmarkChoices.Options(settings.Model, settings.Scope, settings.Batch, settings.K, settings.Mode,
            settings.Warmup, settings.Steps, settings.Window, settings.Threads, settings.RssEvery);
        string model = settings.Model.ToLowerInvariant();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Benchmarking {model}: batch {settings.Batch}, k = {settings.K}, {settings.Warmup} warm-up + {settings.Steps} timed steps..."));
        BenchmarkReport report = BenchmarkReport.Measure(model, options);
        Console.WriteLine(report.ToText());
        if (settings.Out is not null)
        {
            AtomicFile.Write(settings.Out, stream => JsonSerializer.Serialize(stream, report, BenchmarkReport.Json));
            Console.Error.WriteLine($"Wrote {settings.Out}");
        }
        return 0;
    }
}
