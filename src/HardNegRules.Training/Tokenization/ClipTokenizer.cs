using System.Numerics;
using Microsoft.ML.Tokenizers;

namespace HardNegRules.Training.Tokenization;

/// <summary>
/// CLIP's text tokenizer: byte-level BPE over CLIP's 49,408-token vocabulary, producing the fixed-length id rows a CLIP
/// text tower takes: <c>[&lt;|startoftext|&gt;, tokens..., &lt;|endoftext|&gt;, 0, 0, ...]</c> of length 77.
/// </summary>
/// <remarks>
/// The BPE itself is Microsoft.ML.Tokenizers' <see cref="BpeTokenizer"/>, configured with CLIP's vocabulary, merges,
/// end-of-word suffix and pre-tokenizer; the text is cleaned first as CLIP cleans it (see <see cref="Clean"/>).
/// Text too long for the context is cut as open_clip cuts it: the first 77 ids are kept and the last becomes
/// &lt;|endoftext|&gt;, so a model that pools at the end-of-text token always finds one.
/// Instances are safe to use from several threads at once: the BPE's only mutable state is its word cache, which
/// Microsoft.ML.Tokenizers guards with a lock.
/// </remarks>
public sealed class ClipTokenizer
{
    /// <summary>The number of ids in every encoded row.</summary>
    public const int ContextLength = 77;

    /// <summary>The id of &lt;|startoftext|&gt;, the first id of every row.</summary>
    public const int StartOfTextId = 49406;

    /// <summary>The id of &lt;|endoftext|&gt;, which closes the text of every row.</summary>
    public const int EndOfTextId = 49407;

    /// <summary>The id that fills a row after &lt;|endoftext|&gt;.</summary>
    public const int PaddingId = 0;

    /// <summary>The number of distinct ids (the size of the text tower's embedding table).</summary>
    public const int VocabularySize = ClipBpeVocabulary.Size;

    // Room for the text between the two special tokens.
    private const int MaxTextTokens = ContextLength - 2;

    private readonly BpeTokenizer _bpe;

    private ClipTokenizer(BpeTokenizer bpe) => _bpe = bpe;

    /// <summary>Creates the tokenizer from CLIP's merges file embedded in this assembly.</summary>
    public static ClipTokenizer Create() => new(BuildBpe(ClipBpeVocabulary.LoadEmbedded()));

    /// <summary>Creates the tokenizer from a gzip-compressed merges file in CLIP's format.</summary>
    /// <param name="gzippedMerges">The file's bytes; the stream is read to the merges CLIP uses and left open.</param>
    /// <exception cref="InvalidDataException">The file has fewer merges than CLIP uses, or a malformed line.</exception>
    public static ClipTokenizer Create(Stream gzippedMerges) => new(BuildBpe(ClipBpeVocabulary.Load(gzippedMerges)));

    /// <summary>The text as the BPE sees it: CLIP's cleanup and lower-casing applied.</summary>
    /// <remarks>
    /// HTML entities are decoded twice, curly quotes straightened, whitespace runs collapsed to one space and the ends
    /// trimmed, then lower-cased. CLIP's ftfy repairs (mojibake, ligatures, full-width forms, NFC) are not done.
    /// </remarks>
    public static string Clean(string text) => ClipTextCleaner.Clean(text);

    /// <summary>The BPE ids of <paramref name="text"/>: no special tokens, no padding, no truncation.</summary>
    public int[] EncodeTokens(string text) => [.. EncodeText(text)];

    /// <summary>Encodes one text as a row of <see cref="ContextLength"/> ids.</summary>
    public int[] Encode(string text)
    {
        var row = new int[ContextLength];
        WriteRow(EncodeText(text), row.AsSpan());
        return row;
    }

    /// <summary>Encodes one text into <paramref name="ids"/>, a row of exactly <see cref="ContextLength"/> ids.</summary>
    /// <exception cref="ArgumentException"><paramref name="ids"/> is not <see cref="ContextLength"/> long.</exception>
    public void Encode(string text, Span<long> ids)
    {
        if (ids.Length != ContextLength)
        {
            throw new ArgumentException($"The row must hold exactly {ContextLength} ids; it holds {ids.Length}.", nameof(ids));
        }

        WriteRow(EncodeText(text), ids);
    }

    /// <summary>
    /// Encodes texts into <paramref name="ids"/>, row-major with one row of <see cref="ContextLength"/> ids per text
    /// (the layout of a <c>[texts.Count, 77]</c> int64 tensor).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="ids"/> is not <c>texts.Count * 77</c> long.</exception>
    public void EncodeBatch(IReadOnlyList<string> texts, Span<long> ids)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (ids.Length != texts.Count * ContextLength)
        {
            throw new ArgumentException(
                $"{texts.Count} texts need {texts.Count * ContextLength} ids; the buffer holds {ids.Length}.", nameof(ids));
        }

        for (var i = 0; i < texts.Count; i++)
        {
            Encode(texts[i], ids.Slice(i * ContextLength, ContextLength));
        }
    }

    /// <summary>
    /// Encodes texts as one row-major array, one row of <see cref="ContextLength"/> ids per text
    /// (the layout of a <c>[texts.Count, 77]</c> int64 tensor).
    /// </summary>
    public long[] EncodeBatch(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var ids = new long[texts.Count * ContextLength];
        EncodeBatch(texts, ids);
        return ids;
    }

    private IReadOnlyList<int> EncodeText(string text) =>
        _bpe.EncodeToIds(ClipTextCleaner.Clean(text), considerPreTokenization: true, considerNormalization: false);

    /// <summary>Writes [SOT, text ids cut to fit, EOT, padding] into a row of <see cref="ContextLength"/>.</summary>
    private static void WriteRow<TId>(IReadOnlyList<int> textIds, Span<TId> row)
        where TId : struct, IBinaryInteger<TId>
    {
        var kept = Math.Min(textIds.Count, MaxTextTokens);
        row[0] = TId.CreateChecked(StartOfTextId);
        for (var i = 0; i < kept; i++)
        {
            row[i + 1] = TId.CreateChecked(textIds[i]);
        }

        row[kept + 1] = TId.CreateChecked(EndOfTextId);

        // PaddingId is 0, the default of every integer type.
        row[(kept + 2)..].Clear();
    }

    private static BpeTokenizer BuildBpe(ClipBpeVocabulary vocabulary)
    {
        var specialTokens = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [ClipBpeVocabulary.StartOfTextToken] = StartOfTextId,
            [ClipBpeVocabulary.EndOfTextToken] = EndOfTextId,
        };
        var ids = vocabulary.Tokens.Select((token, id) => KeyValuePair.Create(token, id));
        var options = new BpeOptions(ids)
        {
            Merges = vocabulary.Merges,
            SpecialTokens = specialTokens,
            PreTokenizer = new RegexPreTokenizer(ClipPreTokenizerPattern.Regex, specialTokens),
            EndOfWordSuffix = ClipBpeVocabulary.EndOfWordSuffix,
            ByteLevel = true,
        };
        return BpeTokenizer.Create(options);
    }
}
