using BenchmarkDotNet.Attributes;

namespace HardNegRules.Benchmarks;

/// <summary>
/// Per-caption cost over every COCO val2017 caption (<see cref="CaptionCorpus.Count"/> per invocation) of detection and of
/// one negative (span and string paths), for the generated permuter, the interpreter and the regex baseline.
/// </summary>
[MemoryDiagnoser]
public class PermuterBenchmarks
{
    private const ulong RunSeed = 42;

    private string[] _captions = [];
    private NegativeSeed[] _seeds = [];
    private IPermuter? _permuter;
    private RegexBaseline? _regex;
    private readonly TermMatch[] _matches = new TermMatch[64];
    private readonly char[] _text = new char[4096];
    private readonly NegativeSpan[] _results = new NegativeSpan[1];

    /// <summary>The engine measured.</summary>
    [ParamsSource(nameof(EngineValues))]
    public Engine Engine { get; set; }

    /// <summary>Every engine, or those named in <c>$HARDNEG_BENCH_ENGINES</c> (comma-separated, e.g. "Generated,Interpreter").</summary>
    public static IEnumerable<Engine> EngineValues
    {
        get
        {
            string? names = Environment.GetEnvironmentVariable("HARDNEG_BENCH_ENGINES");
            return string.IsNullOrWhiteSpace(names)
                ? Enum.GetValues<Engine>()
                : [.. names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Enum.Parse<Engine>)];
        }
    }

    /// <summary>Loads the captions and builds the engine.</summary>
    [GlobalSetup]
    public void Setup()
    {
        CaptionCorpus corpus = CaptionCorpus.Instance;
        Console.WriteLine($"// Corpus: {corpus.Note}");
        _captions = corpus.Captions;
        _seeds = [.. corpus.Ids.Select(id => NegativeSeed.For(RunSeed, id, 0))];
        _permuter = Engines.Permuter(Engine);
        _regex = Engines.RegexOf(Engine);
        Console.WriteLine($"// Engine: {Engine}; {Describe()}");
    }

    /// <summary>Detection only: the terms of each caption.</summary>
    /// <returns>The number of terms found.</returns>
    [Benchmark(OperationsPerInvoke = CaptionCorpus.Count)]
    public int Detect()
    {
        string[] captions = _captions;
        int total = 0;
        if (_permuter is { } permuter)
        {
            Span<TermMatch> matches = _matches;
            foreach (string caption in captions)
            {
                total += permuter.FindTerms(caption, matches);
            }
        }
        else
        {
            RegexBaseline regex = _regex!;
            foreach (string caption in captions)
            {
                total += regex.Count(caption);
            }
        }

        return total;
    }

    /// <summary>One negative per caption into caller buffers (the allocation-free path).</summary>
    /// <returns>The total length of the negatives written.</returns>
    [Benchmark(OperationsPerInvoke = CaptionCorpus.Count)]
    public int OneNegativeSpan()
    {
        string[] captions = _captions;
        int total = 0;
        Span<char> text = _text;
        if (_permuter is { } permuter)
        {
            NegativeSeed[] seeds = _seeds;
            Span<NegativeSpan> results = _results;
            for (int i = 0; i < captions.Length; i++)
            {
                if (permuter.Permute(captions[i], 1, seeds[i], text, results) > 0)
                {
                    total += results[0].TextLength;
                }
            }
        }
        else
        {
            RegexBaseline regex = _regex!;
            foreach (string caption in captions)
            {
                total += regex.Permute(caption, text);
            }
        }

        return total;
    }

    /// <summary>One negative per caption as a string with provenance.</summary>
    /// <returns>The number of negatives made.</returns>
    [Benchmark(OperationsPerInvoke = CaptionCorpus.Count)]
    public int OneNegativeString()
    {
        string[] captions = _captions;
        int total = 0;
        if (_permuter is { } permuter)
        {
            NegativeSeed[] seeds = _seeds;
            for (int i = 0; i < captions.Length; i++)
            {
                total += permuter.Permute(captions[i], 1, seeds[i]).Count;
            }
        }
        else
        {
            RegexBaseline regex = _regex!;
            foreach (string caption in captions)
            {
                if (regex.Permute(caption) is not null)
                {
                    total++;
                }
            }
        }

        return total;
    }

    private string Describe()
    {
        if (_regex is { } regex)
        {
            return $"{regex.TermTexts} term texts in one regex of {regex.Pattern.Length:N0} characters";
        }

        var pack = _permuter!.CompiledPack;
        return $"pack '{pack.Name}': {pack.Concepts.Count} concepts, {pack.Terms.Count} terms, {pack.Entries.Count} entries";
    }
}
