using HardNegRules.Training.Tokenization;

namespace HardNegRules.Training.Tests.Tokenization;

/// <summary>One tokenizer for all tests: building it reads and merges 48,894 lines, which is worth doing once.</summary>
internal static class SharedClipTokenizer
{
    private static readonly Lazy<ClipTokenizer> LazyInstance = new(ClipTokenizer.Create);

    public static ClipTokenizer Instance => LazyInstance.Value;
}
