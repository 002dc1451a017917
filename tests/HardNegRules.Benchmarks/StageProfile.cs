using System.Diagnostics;
using System.Globalization;
using System.Text;
using HardNegRules.Data.Captions;
using HardNegRules.Negatives;
using HardNegRules.Permutation;

namespace HardNegRules.Benchmarks;

/// <summary>
/// Where the CPU time of <c>hardneg negatives</c> goes per caption, stage by stage, in one warmed process:
/// detection, one negative, formatting a JSONL record from a UTF-8 batch, reading a COCO file into batches, and the
/// whole job into a null stream. Each stage runs a few passes and keeps the fastest, by the process's CPU time (the run
/// is single-threaded), so a shared machine's load inflates it far less than wall time. <c>--profile FILE [passes]</c>.
/// </summary>
internal static class StageProfile
{
    public static void Run(string cocoFile, int passes, string? only = null)
    {
        string[] captions = CaptionCorpus.Instance.Captions;
        string[] ids = CaptionCorpus.Instance.IdTexts;
        long loadStart = Stopwatch.GetTimestamp();
        TimeSpan loadCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var permuter = (RulePermuter)Engines.Generated;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// The generated permuter's first use (build its pack, tables and automaton): {Stopwatch.GetElapsedTime(loadStart).TotalMilliseconds:F0} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - loadCpu).TotalMilliseconds:F0} ms CPU"));
        var matches = new TermMatch[64];
        var text = new char[4096];
        var results = new NegativeSpan[1];
        NegativeSeed[] seeds = [.. ids.Select(id => NegativeSeed.For(1, id, 0))];
        List<CaptionBatch> batches = CaptionCorpus.Instance.Batches();
        var options = new NegativesJobOptions { K = 1, Seed = 1, Threads = 1 };
        var formatter = new NegativesFormatter(permuter, options);
        var chunk = new FormattedChunk();

        var stages = new List<(string Stage, long Count, Func<long> Pass)>
        {
            ("scan (the automaton alone)", captions.Length, () =>
            {
                long found = 0;
                Matching.CaptionAutomaton automaton = permuter.Automaton;
                foreach (string caption in captions)
                {
                    int i = 0;
                    while (automaton.Next(caption, ref i, out _, out _) > 0)
                    {
                        found++;
                    }
                }

                return found;
            }),
            ("detect (FindTerms)", captions.Length, () =>
            {
                long found = 0;
                foreach (string caption in captions)
                {
                    found += permuter.FindTerms(caption, matches);
                }

                return found;
            }),
            ("one negative (Permute, span)", captions.Length, () =>
            {
                long made = 0;
                for (int i = 0; i < captions.Length; i++)
                {
                    made += permuter.Permute(captions[i], 1, seeds[i], text, results);
                }

                return made;
            }),
            ("format JSONL (decode, permute, write)", captions.Length, () =>
            {
                long bytes = 0;
                foreach (CaptionBatch b in batches)
                {
                    formatter.Format(b, chunk);
                    bytes += chunk.Bytes.WrittenCount;
                }

                return bytes;
            }),
        };

        long records = CountRecords(cocoFile);
        stages.Add(($"read COCO into batches ({Path.GetFileName(cocoFile)})", records, () => CountRecords(cocoFile)));
        stages.Add(("whole job, JSONL to a null stream, 1 thread", records, () =>
        {
            using ICaptionSource source = CaptionSources.Open(cocoFile, _ => { });
            return new NegativesJob(permuter, options).Run(source, Stream.Null).Captions;
        }));

        // A filter (comma-separated parts of stage names) keeps only those stages, without the two-thread job.
        string[] wanted = only?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        stages.RemoveAll(s => wanted.Length > 0 && !wanted.Any(w => s.Stage.Contains(w, StringComparison.Ordinal)));
        if (wanted.Length == 0)
        {
            stages.Add(("whole job, JSONL to a null stream, 2 threads", records, () =>
            {
                using ICaptionSource source = CaptionSources.Open(cocoFile, _ => { });
                return new NegativesJob(permuter, options with { Threads = 2 }).Run(source, Stream.Null).Captions;
            }));
        }

        // Warm-up: every stage called more often than the runtime's call-counting threshold (30) and for a while, with
        // pauses, so the JIT has tiered up each stage and what it calls before timing.
        for (int round = 0; round < 3; round++)
        {
            foreach ((_, long count, Func<long> pass) in stages)
            {
                for (int call = 0; call < Math.Max(2, 15 * CaptionCorpus.Count / count); call++)
                {
                    pass();
                }
            }

            Thread.Sleep(300);
        }

        foreach ((string stage, long count, Func<long> pass) in stages)
        {
            Report(stage, passes, count, pass);
        }
    }

    /// <summary>
    /// A checksum of everything both engines find and make over the corpus (and the captions of a further file) (every term found, and k = 3 negatives with
    /// their provenance), to show that a change to the engine changed nothing: <c>--checksum</c>.
    /// </summary>
    /// <param name="extra">A text file of further captions, one a line, to check as well; or null.</param>
    public static void Checksum(string? extra)
    {
        string[] captions = [.. CaptionCorpus.Instance.Captions, .. extra is null ? [] : File.ReadAllLines(extra)];
        ulong[] ids = [.. CaptionCorpus.Instance.Ids, .. Enumerable.Range(0, captions.Length - CaptionCorpus.Count).Select(i => (ulong)i)];
        foreach (IPermuter permuter in new[] { Engines.Generated, Engines.Interpreter })
        {
            var matches = new TermMatch[64];
            var text = new char[8192];
            var results = new NegativeSpan[3];
            ulong terms = 14695981039346656037UL;
            ulong negatives = 14695981039346656037UL;
            long found = 0;
            long made = 0;
            for (int i = 0; i < captions.Length; i++)
            {
                int count = permuter.FindTerms(captions[i], matches);
                found += count;
                for (int m = 0; m < count; m++)
                {
                    TermMatch t = matches[m];
                    terms = Mix(terms, (ulong)i, (ulong)t.Start, (ulong)t.Length, (ulong)t.Concept, (ulong)t.Term, (ulong)t.Form);
                }

                int k = permuter.Permute(captions[i], 3, NegativeSeed.For(7, ids[i], 0), text, results);
                made += k;
                for (int r = 0; r < k; r++)
                {
                    NegativeSpan span = results[r];
                    negatives = Mix(negatives, (ulong)i, (ulong)span.Kind, (ulong)span.Concept, (ulong)span.First.Start, (ulong)span.FirstTo, (ulong)span.Second.Start);
                    foreach (char c in text.AsSpan(span.TextStart, span.TextLength))
                    {
                        negatives = (negatives ^ c) * 1099511628211UL;
                    }
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{permuter.GetType().Name,-20} terms {found,8:N0} checksum {terms:x16}   negatives (k = 3) {made,8:N0} checksum {negatives:x16}"));
        }
    }

    private static ulong Mix(ulong hash, params ReadOnlySpan<ulong> values)
    {
        foreach (ulong value in values)
        {
            hash = (hash ^ value) * 1099511628211UL;
        }

        return hash;
    }

    private static long CountRecords(string cocoFile)
    {
        using ICaptionSource source = CaptionSources.Open(cocoFile, _ => { });
        var batch = new CaptionBatch();
        long read = 0;
        while (source.Fill(batch))
        {
            read += batch.Count;
            batch.Clear();
        }

        return read;
    }

    private static void Report(string stage, int passes, long count, Func<long> pass)
    {
        double bestCpu = double.MaxValue;
        double bestWall = double.MaxValue;
        long result = 0;
        using var process = Process.GetCurrentProcess();
        for (int p = 0; p < passes; p++)
        {
            process.Refresh();
            TimeSpan cpu = process.TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            result = pass();
            double wall = Stopwatch.GetElapsedTime(start).TotalNanoseconds / count;
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalNanoseconds / count);
            bestWall = Math.Min(bestWall, wall);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{stage,-58} CPU {bestCpu,8:F1} ns/caption ({1e3 / bestCpu,6:F2}M/s)  wall {bestWall,8:F1} ns  [{count:N0} captions, result {result:N0}]"));
    }
}
