using System.Text;
using BenchmarkDotNet.Attributes;
using HardNegRules.Negatives;
using HardNegRules.Output;
using HardNegRules.Permutation;

namespace HardNegRules.Benchmarks;

/// <summary>
/// The end-to-end formatter of <c>hardneg negatives</c> per caption, over the COCO corpus held as UTF-8 caption batches
/// (what the readers hand the workers): decode, permute and write the JSONL record, against permuting alone and against
/// the string path (Permute to <see cref="HardNegative"/>s, then <see cref="NegativeJsonWriter"/>). One negative per
/// caption, the generated permuter. Allocated bytes per operation are per caption.
/// </summary>
[MemoryDiagnoser]
public class NegativesFormatterBenchmarks
{
    private const ulong RunSeed = 1;

    private List<CaptionBatch> _batches = [];
    private readonly FormattedChunk _chunk = new();
    private readonly char[] _text = new char[4096];
    private readonly NegativeSpan[] _results = new NegativeSpan[1];
    private string[] _captions = [];
    private string[] _ids = [];
    private IPermuter _permuter = null!;
    private NegativesFormatter _formatter = null!;

    /// <summary>Loads the corpus into batches and builds the formatter.</summary>
    [GlobalSetup]
    public void Setup()
    {
        CaptionCorpus corpus = CaptionCorpus.Instance;
        _captions = corpus.Captions;
        _ids = corpus.IdTexts;
        _batches = corpus.Batches();
        _permuter = Engines.Generated;
        _formatter = new NegativesFormatter(_permuter, new NegativesJobOptions { K = 1, Seed = RunSeed });
    }

    /// <summary>UTF-8 batch in, JSONL bytes out: what each worker does per caption.</summary>
    /// <returns>The bytes written.</returns>
    [Benchmark(OperationsPerInvoke = CaptionCorpus.Count)]
    public long FormatJsonl()
    {
        long bytes = 0;
        foreach (CaptionBatch batch in _batches)
        {
            _formatter.Format(batch, _chunk);
            bytes += _chunk.Bytes.WrittenCount;
        }

        return bytes;
    }

    /// <summary>Permuting alone on the same strings (the engine's share of the formatter's time).</summary>
    /// <returns>The negatives made.</returns>
    [Benchmark(OperationsPerInvoke = CaptionCorpus.Count, Baseline = true)]
    public int PermuteOnly()
    {
        int made = 0;
        for (int i = 0; i < _captions.Length; i++)
        {
            made += _permuter.Permute(_captions[i], 1, NegativeSeed.For(RunSeed, _ids[i], 0), _text, _results);
        }

        return made;
    }

    /// <summary>The string path the formatter replaced: HardNegative objects, then the reference JSON writer.</summary>
    /// <returns>The negatives made.</returns>
    [Benchmark(OperationsPerInvoke = CaptionCorpus.Count)]
    public int StringsAndReferenceWriter()
    {
        // One writer per invocation (25,014 captions): its cost is not per caption.
        using var reference = new NegativeJsonWriter(Stream.Null);
        int made = 0;
        for (int i = 0; i < _captions.Length; i++)
        {
            IReadOnlyList<HardNegative> negatives = _permuter.Permute(_captions[i], 1, NegativeSeed.For(RunSeed, _ids[i], 0));
            reference.Write(_ids[i], idIsNumber: true, _captions[i], negatives);
            made += negatives.Count;
        }

        return made;
    }
}
