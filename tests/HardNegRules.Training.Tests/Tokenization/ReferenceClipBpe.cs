using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using HardNegRules.Training.Tokenization;

namespace HardNegRules.Training.Tests.Tokenization;

/// <summary>
/// A deliberately plain, slow re-derivation of CLIP's BPE straight from the merges file, written independently of
/// the production code (which goes through Microsoft.ML.Tokenizers), so the two can check each other.
/// Handles only text that needs no HTML decoding, quote straightening or Unicode normalisation.
/// </summary>
internal sealed class ReferenceClipBpe
{
    private const string ResourceName = "HardNegRules.Training.Tokenization.bpe_simple_vocab_16e6.txt.gz";

    private static readonly Regex Words = new(
        @"<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Lazy<ReferenceClipBpe> LazyInstance = new(Load);

    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<(string Left, string Right), int> _ranks;
    private readonly Dictionary<byte, char> _byteSymbols;

    private ReferenceClipBpe(List<string> mergeLines)
    {
        MergeLines = mergeLines;
        _byteSymbols = [];
        var printable = Enumerable.Range('!', '~' - '!' + 1)
            .Concat(Enumerable.Range(0xA1, 0xAC - 0xA1 + 1))
            .Concat(Enumerable.Range(0xAE, 0xFF - 0xAE + 1))
            .ToList();
        var order = new List<char>();
        foreach (var b in printable)
        {
            _byteSymbols[(byte)b] = (char)b;
            order.Add((char)b);
        }

        var shift = 0;
        for (var b = 0; b < 256; b++)
        {
            if (!printable.Contains(b))
            {
                _byteSymbols[(byte)b] = (char)(256 + shift++);
                order.Add(_byteSymbols[(byte)b]);
            }
        }

        var vocabulary = order.Select(c => c.ToString()).ToList();
        vocabulary.AddRange(order.Select(c => c + "</w>"));
        _ranks = [];
        foreach (var line in mergeLines)
        {
            var parts = line.Split(' ');
            _ranks[(parts[0], parts[1])] = _ranks.Count;
            vocabulary.Add(parts[0] + parts[1]);
        }

        vocabulary.Add("<|startoftext|>");
        vocabulary.Add("<|endoftext|>");
        _ids = [];
        for (var id = 0; id < vocabulary.Count; id++)
        {
            _ids[vocabulary[id]] = id;
        }
    }

    public static ReferenceClipBpe Instance => LazyInstance.Value;

    /// <summary>The merges CLIP uses, as the lines of the file (the header line excluded).</summary>
    public IReadOnlyList<string> MergeLines { get; }

    public int VocabularySize => _ids.Count;

    public int IdOf(string token) => _ids[token];

    /// <summary>The BPE ids of text that is already clean apart from whitespace and case.</summary>
    public List<int> EncodeTokens(string text)
    {
        var clean = Regex.Replace(text, @"\s+", " ").Trim().ToLowerInvariant();
        var ids = new List<int>();
        foreach (Match word in Words.Matches(clean))
        {
            var symbols = Encoding.UTF8.GetBytes(word.Value).Select(b => _byteSymbols[b].ToString()).ToList();
            symbols[^1] += "</w>";
            if (word.Value is "<|startoftext|>" or "<|endoftext|>")
            {
                symbols = [word.Value];
            }

            ids.AddRange(Merge(symbols).Select(symbol => _ids[symbol]));
        }

        return ids;
    }

    /// <summary>CLIP's rule: repeatedly merge every occurrence, left to right, of the adjacent pair of lowest rank.</summary>
    private List<string> Merge(List<string> symbols)
    {
        while (symbols.Count > 1)
        {
            (string Left, string Right)? best = null;
            var bestRank = int.MaxValue;
            for (var i = 0; i + 1 < symbols.Count; i++)
            {
                if (_ranks.TryGetValue((symbols[i], symbols[i + 1]), out var rank) && rank < bestRank)
                {
                    bestRank = rank;
                    best = (symbols[i], symbols[i + 1]);
                }
            }

            if (best is not { } pair)
            {
                break;
            }

            var merged = new List<string>(symbols.Count);
            for (var i = 0; i < symbols.Count; i++)
            {
                if (i + 1 < symbols.Count && symbols[i] == pair.Left && symbols[i + 1] == pair.Right)
                {
                    merged.Add(pair.Left + pair.Right);
                    i++;
                }
                else
                {
                    merged.Add(symbols[i]);
                }
            }

            symbols = merged;
        }

        return symbols;
    }

    private static ReferenceClipBpe Load()
    {
        using var resource = typeof(ClipTokenizer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("merges resource missing");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var lines = reader.ReadToEnd().Split('\n');

        // Lines 1 .. 49152-256-2 inclusive, as CLIP slices them.
        return new ReferenceClipBpe(lines[1..(49152 - 256 - 2 + 1)].ToList());
    }
}
