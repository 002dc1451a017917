using System.Diagnostics;
using HardNegRules.Training.Tokenization;

namespace HardNegRules.Training.Tests.Tokenization;

/// <summary>
/// Single-threaded captions/s on real COCO captions; explicit, because it measures rather than checks.
/// Run: <c>CLIP_BENCH_CAPTIONS=/path/to/captions_val2017.json dotnet test tests/HardNegRules.Training.Tests -c Release
/// --filter "FullyQualifiedName~ClipTokenizerThroughput" --logger "console;verbosity=detailed"</c>.
/// </summary>
[TestFixture]
[Explicit("Measures throughput; see docs/benchmarks.md (Tokenizer).")]
public sealed class ClipTokenizerThroughput
{
    [Test]
    public void MeasureCaptionsPerSecond()
    {
        var captions = CocoBenchCaptions.ReadOrIgnore();
        var build = Stopwatch.StartNew();
        var tokenizer = ClipTokenizer.Create();
        build.Stop();

        var row = new long[ClipTokenizer.ContextLength];
        var cold = Stopwatch.StartNew();
        foreach (var caption in captions)
        {
            tokenizer.Encode(caption, row);
        }

        cold.Stop();
        const int warmPasses = 5;
        var warm = Stopwatch.StartNew();
        for (var pass = 0; pass < warmPasses; pass++)
        {
            foreach (var caption in captions)
            {
                tokenizer.Encode(caption, row);
            }
        }

        warm.Stop();
        var batch = Stopwatch.StartNew();
        var ids = new long[captions.Count * ClipTokenizer.ContextLength];
        tokenizer.EncodeBatch(captions, ids);
        batch.Stop();

        TestContext.Out.WriteLine($"captions: {captions.Count}, tokenizer build: {build.ElapsedMilliseconds} ms");
        TestContext.Out.WriteLine($"first pass (cold word cache): {captions.Count / cold.Elapsed.TotalSeconds:N0} captions/s");
        TestContext.Out.WriteLine($"next {warmPasses} passes: {warmPasses * captions.Count / warm.Elapsed.TotalSeconds:N0} captions/s");
        TestContext.Out.WriteLine($"EncodeBatch, one pass: {captions.Count / batch.Elapsed.TotalSeconds:N0} captions/s");
    }
}
