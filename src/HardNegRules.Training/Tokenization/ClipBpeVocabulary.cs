using System.IO.Compression;
using System.Text;

namespace HardNegRules.Training.Tokenization;

/// <summary>
/// CLIP's vocabulary and merge list, derived from its merges file (bpe_simple_vocab_16e6.txt.gz) the way CLIP's
/// simple_tokenizer derives them.
/// </summary>
/// <remarks>
/// The file holds more merges than CLIP uses: CLIP keeps the first 49,152 - 256 - 2 after the header line, so that
/// 256 byte symbols, their 256 end-of-word forms, the merges and the 2 special tokens make 49,408 ids.
/// Ids are positions in that list: byte symbols 0-255, end-of-word byte symbols 256-511, merge <c>k</c> (0-based) is
/// 512 + k, then &lt;|startoftext|&gt; and &lt;|endoftext|&gt;.
/// </remarks>
internal sealed class ClipBpeVocabulary
{
    /// <summary>The suffix CLIP appends to the last symbol of a word.</summary>
    public const string EndOfWordSuffix = "</w>";

    /// <summary>The start-of-text special token.</summary>
    public const string StartOfTextToken = "<|startoftext|>";

    /// <summary>The end-of-text special token.</summary>
    public const string EndOfTextToken = "<|endoftext|>";

    /// <summary>How many merges CLIP uses from the file.</summary>
    public const int MergeCount = 49152 - 256 - 2;

    /// <summary>The number of ids: 2 x 256 byte symbols, the merges, 2 special tokens.</summary>
    public const int Size = (2 * 256) + MergeCount + 2;

    /// <summary>The name of the embedded merges file in this assembly's manifest.</summary>
    public const string EmbeddedResourceName = "HardNegRules.Training.Tokenization.bpe_simple_vocab_16e6.txt.gz";

    private ClipBpeVocabulary(string[] tokens, string[] merges)
    {
        Tokens = tokens;
        Merges = merges;
    }

    /// <summary>Every token, at the index that is its id.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>The merges in rank order, each as "left right" (the form BpeOptions.Merges takes).</summary>
    public IReadOnlyList<string> Merges { get; }

    /// <summary>Reads the merges file embedded in this assembly.</summary>
    public static ClipBpeVocabulary LoadEmbedded()
    {
        using var stream = typeof(ClipBpeVocabulary).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException(
                $"The embedded resource '{EmbeddedResourceName}' is missing from {typeof(ClipBpeVocabulary).Assembly.GetName().Name}.");
        return Load(stream);
    }

    /// <summary>Reads a gzip-compressed CLIP merges file.</summary>
    /// <exception cref="InvalidDataException">The file has fewer merges than CLIP uses, or a line is not a pair.</exception>
    public static ClipBpeVocabulary Load(Stream gzippedMerges)
    {
        ArgumentNullException.ThrowIfNull(gzippedMerges);
        using var gzip = new GZipStream(gzippedMerges, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8);

        // The first line is a version header, not a merge.
        _ = reader.ReadLine();
        var merges = new string[MergeCount];
        for (var rank = 0; rank < MergeCount; rank++)
        {
            var line = reader.ReadLine()
                ?? throw new InvalidDataException($"The merges file ends after {rank} merges; CLIP needs {MergeCount}.");
            var separator = line.IndexOf(' ', StringComparison.Ordinal);
            if (separator <= 0 || separator == line.Length - 1 || line.IndexOf(' ', separator + 1) >= 0)
            {
                throw new InvalidDataException($"Merge line {rank + 2} is not two symbols separated by one space: '{line}'.");
            }

            merges[rank] = line;
        }

        return new ClipBpeVocabulary(BuildTokens(merges), merges);
    }

    private static string[] BuildTokens(string[] merges)
    {
        var tokens = new string[Size];
        var next = 0;
        foreach (var symbol in ByteLevelAlphabet.SymbolsInVocabularyOrder)
        {
            tokens[next++] = symbol.ToString();
        }

        foreach (var symbol in ByteLevelAlphabet.SymbolsInVocabularyOrder)
        {
            tokens[next++] = symbol + EndOfWordSuffix;
        }

        foreach (var merge in merges)
        {
            tokens[next++] = merge.Replace(" ", string.Empty, StringComparison.Ordinal);
        }

        tokens[next++] = StartOfTextToken;
        tokens[next] = EndOfTextToken;
        return tokens;
    }
}
