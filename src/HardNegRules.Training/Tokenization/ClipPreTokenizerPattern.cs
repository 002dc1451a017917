using System.Text.RegularExpressions;

namespace HardNegRules.Training.Tokenization;

/// <summary>CLIP's pre-tokenizer: how cleaned text is split into the words that BPE encodes one at a time.</summary>
/// <remarks>
/// The special tokens first, so that they stay whole; English contractions; runs of letters; every digit alone (so
/// numbers are digit sequences); runs of anything else that is not whitespace. Whitespace itself is dropped.
/// .NET matches UTF-16 code units, so a letter outside the Basic Multilingual Plane falls into the last class here,
/// where Python's regex module would count it as a letter; captions rarely hold one.
/// </remarks>
internal static partial class ClipPreTokenizerPattern
{
    /// <summary>The pattern, as in CLIP's simple_tokenizer.</summary>
    public const string Pattern =
        @"<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+";

    /// <summary>The compiled pattern, case-insensitive as in CLIP (which only matters for the contractions).</summary>
    [GeneratedRegex(Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Regex { get; }
}
