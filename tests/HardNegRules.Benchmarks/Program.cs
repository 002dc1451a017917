using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using HardNegRules.Matching;
using HardNegRules.Permutation;
using HardNegRules.Rules.Compilation;
using Perfolizer.Horology;

namespace HardNegRules.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project tests/HardNegRules.Benchmarks -- --filter '*'</c> (any
/// BenchmarkDotNet option may follow). <c>-- --check</c> instead prints what each engine finds and makes over the corpus,
/// with rough single-pass timings, without BenchmarkDotNet; <c>-- --profile COCO.json [passes] [stage]</c> the CPU time per
/// caption of each stage of <c>hardneg negatives</c>; <c>-- --checksum [captions.txt]</c> a checksum of everything both
/// engines find and make, to compare builds.
/// </summary>
public static class Program
{
    /// <summary>The entry point.</summary>
    /// <param name="args">BenchmarkDotNet's command line, or --check.</param>
    /// <returns>0 on success.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Console.WriteLine($"// Corpus: {CaptionCorpus.Instance.Note}");
        Console.WriteLine($"// Repository: {RepositoryPaths.Root}; processors visible: {Environment.ProcessorCount}");
        int scaling = Array.IndexOf(args, "--compile-scaling");
        if (scaling >= 0)
        {
            CompileScaling.Run(args[scaling + 1].Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)));
            return 0;
        }

        int profile = Array.IndexOf(args, "--profile");
        if (profile >= 0)
        {
            StageProfile.Run(args[profile + 1], profile + 2 < args.Length ? int.Parse(args[profile + 2], CultureInfo.InvariantCulture) : 5,
                profile + 3 < args.Length ? args[profile + 3] : null);
            return 0;
        }

        int checksum = Array.IndexOf(args, "--checksum");
        if (checksum >= 0)
        {
            StageProfile.Checksum(checksum + 1 < args.Length ? args[checksum + 1] : null);
            return 0;
        }

        if (args.Contains("--coverage"))
        {
            ColorCoverage.Run();
            return 0;
        }

        if (args.Contains("--check"))
        {
            Check(args.Contains("--loop") ? 20 : 3);
            return 0;
        }

        // A fixed, moderate job so a full run (12 cases) takes about 4 minutes on a busy machine. More warm-up lets the
        // JIT finish tiering up the generated matcher on one busy core: HARDNEG_BENCH_WARMUP / HARDNEG_BENCH_ITERATIONS.
        // HARDNEG_BENCH_INPROCESS=1 runs in this process, without building a separate benchmark project.
        Job job = (Environment.GetEnvironmentVariable("HARDNEG_BENCH_INPROCESS") == "1" ? Job.Default.WithToolchain(InProcessEmitToolchain.Instance) : Job.Default)
            .WithWarmupCount(FromEnvironment("HARDNEG_BENCH_WARMUP", 4))
            .WithIterationCount(FromEnvironment("HARDNEG_BENCH_ITERATIONS", 12))
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithId("Captions");
        IConfig config = DefaultConfig.Instance
            .AddJob(job)
            .AddColumn(new CaptionsPerSecondColumn())
            .WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(TimeUnit.Nanosecond))
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "hardneg-benchmarks"));
        Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToArray();
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    private static int FromEnvironment(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : fallback;

    // Sanity check: the same corpus through each engine, what they find, and a rough time per caption.
    private static void Check(int passes)
    {
        string[] captions = CaptionCorpus.Instance.Captions;
        NegativeSeed[] seeds = [.. CaptionCorpus.Instance.Ids.Select(id => NegativeSeed.For(42, id, 0))];
        foreach (IPermuter permuter in new[] { Engines.Generated, Engines.Interpreter })
        {
            var automaton = new CaptionAutomaton(MatchTrie.Build(permuter.CompiledPack).Encode());
            (int states, int classes) = (automaton.States, automaton.Classes);
            Console.WriteLine($"// {permuter.GetType().Name}: automaton of {states:N0} states x {classes} character classes");
        }

        var matches = new TermMatch[64];
        ReportAllocations(captions, seeds, matches);
        var text = new char[4096];
        var results = new NegativeSpan[1];
        foreach (Engine engine in Enum.GetValues<Engine>())
        {
            IPermuter? permuter = Engines.Permuter(engine);
            RegexBaseline regex = Engines.RegexOf(engine) ?? Engines.Regex;
            long found = 0;
            long negatives = 0;
            (double detectNs, double detectCpu) = Time(passes, captions.Length, () =>
            {
                found = 0;
                foreach (string caption in captions)
                {
                    found += permuter?.FindTerms(caption, matches) ?? regex.Count(caption);
                }
            });
            (double permuteNs, double permuteCpu) = Time(passes, captions.Length, () =>
            {
                negatives = 0;
                for (int i = 0; i < captions.Length; i++)
                {
                    negatives += permuter is null ? (regex.Permute(captions[i], text) > 0 ? 1 : 0) : permuter.Permute(captions[i], 1, seeds[i], text, results);
                }
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{engine,-12} terms found {found,8:N0}  captions with a negative {negatives,8:N0}  detect {detectNs,7:F1} ns/caption (CPU {detectCpu,7:F1})  one negative (span) {permuteNs,7:F1} ns/caption (CPU {permuteCpu,7:F1})"));
        }
    }

    // Which captions make the span paths allocate, after a warm-up pass.
    private static void ReportAllocations(string[] captions, NegativeSeed[] seeds, TermMatch[] matches)
    {
        var text = new char[4096];
        var results = new NegativeSpan[1];
        foreach (IPermuter permuter in new[] { Engines.Generated, Engines.Interpreter })
        {
            for (int i = 0; i < captions.Length; i++)
            {
                permuter.Permute(captions[i], 1, seeds[i], text, results);
            }

            int allocating = 0;
            long bytes = 0;
            string? example = null;
            for (int i = 0; i < captions.Length; i++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                permuter.FindTerms(captions[i], matches);
                long after = GC.GetAllocatedBytesForCurrentThread();
                permuter.Permute(captions[i], 1, seeds[i], text, results);
                if (after > before)
                {
                    allocating++;
                    bytes += after - before;
                    example ??= captions[i];
                }
            }

            Console.WriteLine($"// {permuter.GetType().Name}: FindTerms allocated on {allocating:N0} of {captions.Length:N0} captions, {bytes:N0} bytes; e.g. \"{example}\"");
        }
    }

    // The best of a few passes, in ns per caption: wall time, and the process's CPU time, which a busy shared machine
    // inflates far less (the pass runs on one thread; the runtime's own threads add little).
    private static (double Wall, double Cpu) Time(int passes, int count, Action pass)
    {
        double best = double.MaxValue;
        double bestCpu = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (int p = 0; p < passes; p++)
        {
            process.Refresh();
            TimeSpan cpu = process.TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            pass();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalNanoseconds / count);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalNanoseconds / count);
        }

        return (best, bestCpu);
    }
}
